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
    signal setAsideRequested()

    SetAsideModel {
        id: setAside
        backend: Backend
    }

    RecordListModel {
        id: users
        backend: Backend
        kind: "user"
        pageSize: 500
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth

    ColumnLayout {
        width: Math.min(scroll.availableWidth - 2 * Style.margin, Style.formWidth)
        x: Style.margin
        spacing: Style.margin

        Label {
            text: page.title
            font.pixelSize: 20
            font.bold: true
            Layout.topMargin: Style.margin
        }
        Label {
            text: qsTr("Department server")
            font.bold: true
        }
        Label {
            text: Sync.signedIn ? qsTr("Signed in as %1 on %2").arg(Sync.userName).arg(Sync.serverUrl)
                                : qsTr("Sign in to share this device's records with your department. Until then everything stays on this device.")
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        GridLayout {
            visible: !Sync.signedIn
            columns: 1
            Layout.fillWidth: true
            Label { text: qsTr("Server address") }
            TextField {
                id: server
                objectName: "serverField"
                text: Sync.serverUrl
                placeholderText: "https://attache.example.gov.vn"
                inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase
                Accessible.name: qsTr("Server address")
                Layout.fillWidth: true
            }
            Label { text: qsTr("User name") }
            TextField {
                id: username
                objectName: "usernameField"
                inputMethodHints: Qt.ImhNoAutoUppercase
                Accessible.name: qsTr("User name")
                Layout.fillWidth: true
            }
            Label { text: qsTr("Password") }
            TextField {
                id: password
                objectName: "passwordField"
                echoMode: TextInput.Password
                Accessible.name: qsTr("Password")
                Layout.fillWidth: true
                onAccepted: Sync.signIn(server.text, username.text, password.text, deviceName.text)
            }
            Label { text: qsTr("Name of this device") }
            TextField {
                id: deviceName
                objectName: "deviceNameField"
                text: Sync.deviceName
                Accessible.name: qsTr("Name of this device")
                Layout.fillWidth: true
            }
            Button {
                objectName: "signInButton"
                text: Sync.signingIn ? qsTr("Signing in…") : qsTr("Sign in")
                enabled: !Sync.signingIn && server.text !== "" && username.text !== ""
                highlighted: true
                onClicked: Sync.signIn(server.text, username.text, password.text, deviceName.text)
            }
        }
        Label {
            text: Sync.errorText
            visible: text !== ""
            color: Style.error
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        RowLayout {
            visible: Sync.signedIn
            Button {
                text: Sync.syncing ? qsTr("Cancel sync") : qsTr("Sync now")
                onClicked: Sync.syncing ? Sync.cancel() : Sync.syncNow()
            }
            Button {
                text: qsTr("Sign out")
                flat: true
                onClicked: Sync.signOut()
            }
        }
        Button {
            objectName: "setAsideButton"
            text: qsTr("Changes set aside (%1)").arg(setAside.count)
            visible: setAside.count > 0
            flat: true
            onClicked: page.setAsideRequested()
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
        // Before sign-in only: afterwards the signed-in user is who writes.
        Label {
            text: qsTr("Who uses this device")
            visible: !Sync.signedIn
        }
        ComboBox {
            visible: !Sync.signedIn
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
    }
    }
}
