import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Attache
import Attache.App

// Language, theme, who uses this device, where the data lives.
Page {
    id: page

    objectName: "settingsPage"
    title: qsTr("Settings")

    RecordListModel {
        id: users
        backend: Backend
        kind: "user"
        pageSize: 500
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Style.margin
        spacing: Style.margin

        Label {
            text: page.title
            font.pixelSize: 20
            font.bold: true
        }
        Label { text: qsTr("Language") }
        RowLayout {
            RadioButton {
                text: "Tiếng Việt"
                checked: Preferences.language === "vi"
                Accessible.name: "Tiếng Việt"
                onClicked: Preferences.language = "vi"
            }
            RadioButton {
                text: "English"
                checked: Preferences.language === "en"
                Accessible.name: "English"
                onClicked: Preferences.language = "en"
            }
        }
        Label { text: qsTr("Theme") }
        RowLayout {
            RadioButton {
                text: qsTr("Light")
                checked: Preferences.theme !== "dark"
                onClicked: Preferences.theme = "light"
            }
            RadioButton {
                text: qsTr("Dark")
                checked: Preferences.theme === "dark"
                onClicked: Preferences.theme = "dark"
            }
        }
        Label { text: qsTr("Who uses this device") }
        ComboBox {
            model: users
            textRole: "title"
            valueRole: "recordId"
            displayText: Backend.currentUserName !== "" ? Backend.currentUserName : qsTr("Not chosen")
            Accessible.name: qsTr("Who uses this device")
            Layout.fillWidth: true
            onActivated: Backend.setCurrentUser(currentValue)
        }
        Label {
            text: qsTr("Data on this device: %1").arg(Backend.storePath)
            textFormat: Text.PlainText
            wrapMode: Text.WrapAnywhere
            opacity: 0.7
            Layout.fillWidth: true
        }
        Item { Layout.fillHeight: true }
    }
}
