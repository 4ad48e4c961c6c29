import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Attache
import Attache.App

// Changes this device could not send (removed from the mission, record moved to another
// mission, values that lost a conflict): kept here, never lost, each with why and what to do.
// Copy one to send it another way, or dismiss it (after a confirmation) once dealt with.
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
            text: qsTr("The server no longer takes these changes from this device. They are kept here, never lost: each says why, and what you can do.")
            wrapMode: Text.Wrap
            opacity: 0.8
            Layout.fillWidth: true
            Layout.margins: Style.margin
        }
    }

    ListView {
        id: list
        objectName: "setAsideList"
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
            required property string reasonText
            required property string advice

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
                Label {
                    objectName: "setAsideReason"
                    text: card.reasonText
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Label {
                    objectName: "setAsideAdvice"
                    text: qsTr("What you can do: %1").arg(card.advice)
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                    opacity: 0.8
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
                        Accessible.name: qsTr("Copy %1").arg(card.title)
                        onClicked: {
                            edits.copy(card.editId);
                            copied.visible = true;
                        }
                    }
                    Button {
                        objectName: "dismissButton"
                        text: qsTr("Dismiss")
                        flat: true
                        Accessible.name: qsTr("Dismiss %1").arg(card.title)
                        onClicked: confirmDismiss.ask(card.editId, card.title)
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

    // Dismissing hides the change from this list for good: asked first, with a word on copying.
    Dialog {
        id: confirmDismiss

        property var editId: 0
        property string recordTitle: ""

        function ask(id, recordTitle) {
            editId = id;
            confirmDismiss.recordTitle = recordTitle;
            open();
        }

        objectName: "confirmDismissDialog"
        title: qsTr("Dismiss this change?")
        modal: true
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: Math.min(page.width - 2 * Style.margin, 420)
        standardButtons: Dialog.NoButton
        onAccepted: edits.dismiss(editId)

        Label {
            objectName: "confirmDismissText"
            width: parent.width
            text: qsTr("“%1” will no longer be listed here and cannot be sent. Copy it first if you still need it.").arg(confirmDismiss.recordTitle)
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
        }
        footer: DialogButtonBox {
            Button {
                objectName: "confirmDismissButton"
                text: qsTr("Dismiss")
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            }
            Button {
                objectName: "cancelDismissButton"
                text: qsTr("Keep it")
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            }
        }
    }
}
