import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Attache
import Attache.App

// Changes this device could not send because you were removed from their mission: kept here,
// never lost. Copy one to send it another way, or dismiss it once dealt with.
Page {
    id: page

    property alias model: edits

    objectName: "setAsidePage"
    title: qsTr("Changes set aside")

    SetAsideModel {
        id: edits
        backend: Backend
        preferences: Preferences
    }

    header: ColumnLayout {
        spacing: 0
        Label {
            text: page.title
            font.pixelSize: 20
            font.bold: true
            Layout.margins: Style.margin
            Layout.bottomMargin: 0
        }
        Label {
            text: qsTr("You were removed from the mission these changes belong to, so the server no longer takes them. They are kept on this device: copy them to pass them on to a colleague still on the mission.")
            wrapMode: Text.Wrap
            opacity: 0.8
            Layout.fillWidth: true
            Layout.margins: Style.margin
        }
    }

    ListView {
        id: list
        anchors.fill: parent
        clip: true
        model: edits
        spacing: Style.spacing
        ScrollBar.vertical: ScrollBar {}
        delegate: Frame {
            id: card
            required property var editId
            required property string kindLabel
            required property string title
            required property string text
            required property string setAsideAt
            required property string changedFields

            width: ListView.view.width - 2 * Style.margin
            x: Style.margin
            ColumnLayout {
                anchors.left: parent.left
                anchors.right: parent.right
                spacing: 4
                Label {
                    text: qsTr("%1: %2").arg(card.kindLabel).arg(card.title)
                    textFormat: Text.PlainText
                    font.bold: true
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Label {
                    text: qsTr("Set aside %1 · changed: %2").arg(card.setAsideAt).arg(card.changedFields)
                    textFormat: Text.PlainText
                    font.pixelSize: 12
                    opacity: 0.7
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                TextArea {
                    objectName: "setAsideText"
                    text: card.text
                    textFormat: TextEdit.PlainText
                    readOnly: true
                    selectByMouse: true
                    wrapMode: TextEdit.Wrap
                    Accessible.name: card.title
                    Layout.fillWidth: true
                }
                RowLayout {
                    Button {
                        objectName: "copyButton"
                        text: qsTr("Copy")
                        onClicked: {
                            edits.copy(card.editId);
                            copied.visible = true;
                        }
                    }
                    Button {
                        objectName: "dismissButton"
                        text: qsTr("Dismiss")
                        flat: true
                        onClicked: edits.dismiss(card.editId)
                    }
                    Label {
                        id: copied
                        visible: false
                        text: qsTr("Copied")
                        opacity: 0.7
                    }
                }
            }
        }
        EmptyState {
            anchors.fill: parent
            visible: list.count === 0 && !edits.loading
            text: qsTr("Nothing set aside: every change on this device can be sent.")
        }
    }
}
