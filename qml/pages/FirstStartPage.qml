import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Attache
import Attache.App

// The first start: sign in to the department's server, or work offline and sign in later
// (Settings). Working offline allows everything; what is typed before signing in goes up at the
// first sign-in. Answering either way sets Preferences.setupDone.
Page {
    id: page

    objectName: "firstStartPage"
    title: qsTr("Welcome to Attaché")

    function signIn() {
        if (server.text.trim() === "" || username.text.trim() === "")
            return;
        Sync.signIn(server.text, username.text, password.text, deviceName.text);
    }

    Connections {
        target: Sync
        function onSignedInAs(name) {
            password.text = "";
            Preferences.setupDone = true;
        }
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: Math.min(scroll.availableWidth - 2 * Style.margin, Style.formWidth)
            x: Math.max(Style.margin, (scroll.availableWidth - width) / 2)
            spacing: Style.margin

            Label {
                text: page.title
                font.pixelSize: 24
                font.bold: true
                wrapMode: Text.Wrap
                Layout.topMargin: 2 * Style.margin
                Layout.fillWidth: true
            }
            Label {
                text: qsTr("Record your mission's meetings, agreements and contacts on this device, with or without a connection. Sign in to share them with your department.")
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Label {
                text: qsTr("Sign in to your department's server")
                font.bold: true
                Layout.topMargin: Style.margin
            }
            Label { text: qsTr("Server address") }
            TextField {
                id: server
                objectName: "firstServerField"
                text: Sync.serverUrl
                placeholderText: "https://attache.example.gov.vn"
                inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase
                Accessible.name: qsTr("Server address")
                Layout.fillWidth: true
            }
            Label { text: qsTr("User name") }
            TextField {
                id: username
                objectName: "firstUsernameField"
                inputMethodHints: Qt.ImhNoAutoUppercase
                Accessible.name: qsTr("User name")
                Layout.fillWidth: true
            }
            Label { text: qsTr("Password") }
            TextField {
                id: password
                objectName: "firstPasswordField"
                echoMode: TextInput.Password
                Accessible.name: qsTr("Password")
                Layout.fillWidth: true
                onAccepted: page.signIn()
            }
            Label { text: qsTr("Name of this device") }
            TextField {
                id: deviceName
                objectName: "firstDeviceField"
                text: Sync.deviceName
                placeholderText: qsTr("e.g. Hạnh's phone")
                Accessible.name: qsTr("Name of this device")
                Layout.fillWidth: true
            }
            Label {
                text: qsTr("Your IT staff see this name in the list of devices, for example to block a lost phone.")
                wrapMode: Text.Wrap
                font.pixelSize: 12
                opacity: 0.7
                Layout.fillWidth: true
            }
            Label {
                objectName: "firstStartError"
                text: Sync.errorText
                visible: text !== ""
                textFormat: Text.PlainText
                color: Style.error
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                Accessible.role: Accessible.AlertMessage
                Accessible.name: text
            }
            Button {
                objectName: "firstSignInButton"
                text: Sync.signingIn ? qsTr("Signing in…") : qsTr("Sign in")
                enabled: !Sync.signingIn && server.text.trim() !== "" && username.text.trim() !== ""
                highlighted: true
                Accessible.name: qsTr("Sign in")
                Layout.fillWidth: true
                onClicked: page.signIn()
            }
            MenuSeparator { Layout.fillWidth: true }
            Button {
                objectName: "workOfflineButton"
                text: qsTr("Work offline, sign in later")
                flat: true
                enabled: !Sync.signingIn
                Accessible.name: text
                Layout.fillWidth: true
                onClicked: Preferences.setupDone = true
            }
            Label {
                text: qsTr("Everything works offline, including new missions. Sign in later from the menu ⋮ → Settings; nothing you record before is lost.")
                wrapMode: Text.Wrap
                font.pixelSize: 12
                opacity: 0.7
                Layout.fillWidth: true
                Layout.bottomMargin: Style.margin
            }
        }
    }
}
