import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Attache.App

// A month calendar; picked() gives the day as dd/MM/yyyy.
Dialog {
    id: dialog

    property int month: new Date().getMonth()
    property int year: new Date().getFullYear()
    signal picked(string ddmmyyyy)

    function openAt(text) {
        const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(text || "");
        const d = m ? new Date(Number(m[3]), Number(m[2]) - 1, Number(m[1])) : new Date();
        month = d.getMonth();
        year = d.getFullYear();
        open();
    }
    function pad(n) { return n < 10 ? "0" + n : "" + n; }

    title: qsTr("Pick a date")
    modal: true
    parent: Overlay.overlay
    anchors.centerIn: parent
    footer: DialogButtonBox {
        Button {
            text: qsTr("Cancel")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
    }

    ColumnLayout {
        RowLayout {
            Button {
                text: "‹"
                flat: true
                Accessible.name: qsTr("Previous month")
                onClicked: { if (dialog.month === 0) { dialog.month = 11; dialog.year--; } else dialog.month--; }
            }
            Label {
                text: grid.title
                horizontalAlignment: Text.AlignHCenter
                Layout.fillWidth: true
            }
            Button {
                text: "›"
                flat: true
                Accessible.name: qsTr("Next month")
                onClicked: { if (dialog.month === 11) { dialog.month = 0; dialog.year++; } else dialog.month++; }
            }
        }
        DayOfWeekRow {
            locale: grid.locale
            Layout.fillWidth: true
        }
        MonthGrid {
            id: grid
            month: dialog.month
            year: dialog.year
            locale: Qt.locale(Preferences.language === "en" ? "en_GB" : "vi_VN")
            Layout.fillWidth: true
            onClicked: (date) => {
                dialog.picked(dialog.pad(date.getDate()) + "/" + dialog.pad(date.getMonth() + 1) + "/" + date.getFullYear());
                dialog.close();
            }
        }
    }
}
