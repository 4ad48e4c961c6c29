import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Attache

// A date (dd/mm/yyyy) or date and time (dd/mm/yyyy hh:mm) typed or picked on a calendar.
RowLayout {
    id: root

    property string text: ""
    property bool withTime: false
    property string accessibleName: ""
    signal edited(string text)

    TextField {
        id: input
        text: root.text
        placeholderText: root.withTime ? qsTr("dd/mm/yyyy hh:mm") : qsTr("dd/mm/yyyy")
        inputMethodHints: Qt.ImhPreferNumbers
        Accessible.name: root.accessibleName
        Layout.fillWidth: true
        onTextEdited: root.edited(text)
    }
    Button {
        text: "▦"
        flat: true
        Accessible.name: qsTr("Pick %1 on a calendar").arg(root.accessibleName)
        onClicked: picker.openAt(input.text)
    }
    DatePickerDialog {
        id: picker
        onPicked: (ddmmyyyy) => {
            const time = root.withTime ? (input.text.split(" ")[1] || "09:00") : "";
            input.text = time !== "" ? ddmmyyyy + " " + time : ddmmyyyy;
            root.edited(input.text);
        }
    }
}
