import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Attache
import Attache.App

// Create or edit any record. The fields and their checks come from the C++ RecordForm; a
// refused save keeps everything typed and shows why next to the field.
Page {
    id: page

    required property string kind
    property string recordId: ""
    property string missionId: ""
    /// For a new follow-up: the record it comes from (see RecordForm.linkedKind).
    property string linkedKind: ""
    property string linkedId: ""
    property alias form: recordForm
    property alias attachments: attached
    signal done()
    signal attachmentActivated(string recordId)
    /// "Add a follow-up" on a saved meeting, agreement, event, contact or lead.
    signal followUpRequested(string linkedKind, string linkedId)

    /// Attaches a file (what the file picker gives: a file: URL or a path) when the record is
    /// saved.
    function attachFile(url) {
        recordForm.attachmentPath = url;
    }

    objectName: "recordFormPage"
    title: Preferences.revision, recordForm.isNew ? qsTr("New %1").arg(Backend.kindName(kind)) : Backend.kindName(kind)

    // Photos and files attached to this record (a business card), opened from here.
    RecordListModel {
        id: attached
        backend: Backend
        preferences: Preferences
        kind: recordForm.recordId !== "" && page.kind !== "attachment" ? "attachment" : ""
        linkedRecordId: recordForm.recordId
    }

    RecordForm {
        id: recordForm
        backend: Backend
        preferences: Preferences
        kind: page.kind
        recordId: page.recordId
        missionId: page.missionId
        linkedKind: page.linkedKind
        linkedId: page.linkedId
        onSaved: page.done()
    }

    header: RowLayout {
        Label {
            text: page.title
            font.pixelSize: 20
            font.bold: true
            elide: Text.ElideRight
            Layout.margins: Style.margin
            Layout.fillWidth: true
        }
        BusyIndicator {
            running: recordForm.loading || recordForm.saving
            visible: running
            Layout.preferredHeight: Style.touch
        }
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: Math.min(scroll.availableWidth, Style.formWidth)
            x: Math.max(0, (scroll.availableWidth - width) / 2)
            spacing: Style.margin

            Label {
                text: recordForm.errorText
                visible: text !== ""
                color: Style.error
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                Layout.margins: Style.margin
                Accessible.role: Accessible.AlertMessage
                Accessible.name: text
            }
            Label {
                objectName: "linkedRecord"
                visible: recordForm.linkedTitle !== ""
                // Titles come from others: never read as rich text.
                text: qsTr("From %1: %2").arg(Backend.kindName(recordForm.linkedKind).toLowerCase()).arg(recordForm.linkedTitle)
                textFormat: Text.PlainText
                wrapMode: Text.Wrap
                opacity: 0.8
                Layout.fillWidth: true
                Layout.leftMargin: Style.margin
                Layout.rightMargin: Style.margin
            }
            Repeater {
                model: recordForm
                delegate: FormField {
                    form: recordForm
                    Layout.fillWidth: true
                    Layout.leftMargin: Style.margin
                    Layout.rightMargin: Style.margin
                }
            }
            Label {
                visible: attached.count > 0 || page.kind !== "attachment"
                text: qsTr("Attachments")
                font.pixelSize: 13
                opacity: 0.8
                Layout.leftMargin: Style.margin
            }
            Repeater {
                model: attached
                delegate: ItemDelegate {
                    id: attachmentRow
                    required property string recordId
                    required property string title
                    required property string subtitle
                    objectName: "attachment_" + recordId
                    // File names come from others: never read as rich text.
                    text: title + (subtitle !== "" ? " · " + subtitle : "")
                    contentItem: Label {
                        objectName: "attachmentName"
                        text: attachmentRow.text
                        textFormat: Text.PlainText
                        elide: Text.ElideMiddle
                        verticalAlignment: Text.AlignVCenter
                    }
                    Accessible.name: qsTr("Open %1").arg(title)
                    Layout.fillWidth: true
                    Layout.leftMargin: Style.margin
                    Layout.rightMargin: Style.margin
                    onClicked: page.attachmentActivated(recordId)
                }
            }
            RowLayout {
                visible: page.kind !== "attachment"
                Layout.leftMargin: Style.margin
                Layout.rightMargin: Style.margin
                Button {
                    objectName: "attachFileButton"
                    text: qsTr("Attach a file…")
                    Accessible.name: qsTr("Attach a photo or a file")
                    onClicked: fileDialog.open()
                }
                Label {
                    objectName: "pendingAttachment"
                    visible: recordForm.attachmentPath !== ""
                    text: qsTr("%1 is attached when you save").arg(recordForm.attachmentPath.split("/").pop())
                    textFormat: Text.PlainText
                    elide: Text.ElideMiddle
                    opacity: 0.8
                    Layout.fillWidth: true
                }
                ToolButton {
                    visible: recordForm.attachmentPath !== ""
                    text: "✕"
                    Accessible.name: qsTr("Do not attach this file")
                    onClicked: recordForm.attachmentPath = ""
                }
            }
            RowLayout {
                Layout.margins: Style.margin
                Button {
                    objectName: "saveButton"
                    text: recordForm.saving ? qsTr("Saving…") : qsTr("Save")
                    highlighted: true
                    enabled: !recordForm.saving && !recordForm.loading
                    Accessible.name: qsTr("Save")
                    onClicked: recordForm.save()
                }
                Button {
                    text: qsTr("Cancel")
                    flat: true
                    onClicked: page.done()
                }
                Button {
                    objectName: "addFollowUpButton"
                    visible: !recordForm.isNew && page.missionId !== ""
                        && ["meeting", "agreement", "event", "contact", "lead"].indexOf(page.kind) >= 0
                    text: qsTr("Add a follow-up")
                    flat: true
                    Accessible.name: qsTr("Add a follow-up to this %1").arg(Backend.kindName(page.kind).toLowerCase())
                    onClicked: page.followUpRequested(page.kind, recordForm.recordId)
                }
                Item { Layout.fillWidth: true }
                Button {
                    visible: !recordForm.isNew
                    text: qsTr("Delete")
                    flat: true
                    onClicked: {
                        Backend.remove(page.kind, recordForm.recordId);
                        page.done();
                    }
                }
            }
        }
    }

    Shortcut {
        sequence: StandardKey.Save
        // Only on the page shown: a follow-up's form opens over the meeting's, and two enabled
        // shortcuts for one key make it do nothing.
        enabled: page.visible
        onActivated: recordForm.save()
    }

    FileDialog {
        id: fileDialog
        title: qsTr("Attach a photo or a file")
        onAccepted: page.attachFile(selectedFile)
    }
}
