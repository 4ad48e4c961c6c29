import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Attache
import Attache.App

// One attachment: downloaded from the department's server when it is not on this device yet,
// then an image shown here, any file opened with the app the system chooses.
Page {
    id: page

    required property string recordId
    property string missionId: ""
    property string kind: "attachment"
    property alias controller: attachment

    objectName: "attachmentPage"
    title: attachment.fileName !== "" ? attachment.fileName : Backend.kindName("attachment")

    AttachmentController {
        id: attachment
        backend: Backend
        sync: Sync
        attachmentId: page.recordId
    }

    header: Label {
        text: page.title
        textFormat: Text.PlainText
        font.pixelSize: 20
        font.bold: true
        elide: Text.ElideMiddle
        padding: Style.margin
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Style.margin
        spacing: Style.margin

        Label {
            text: (Preferences.revision, attachment.mimeType !== ""
                   ? qsTr("%1 · %2 KB").arg(attachment.mimeType).arg(Preferences.formatNumber(attachment.size / 1024, 0))
                   : "")
            textFormat: Text.PlainText
            opacity: 0.7
            visible: text !== ""
        }
        RowLayout {
            visible: attachment.state === "loading" || attachment.state === "downloading"
            BusyIndicator { running: parent.visible }
            Label {
                text: attachment.state === "downloading" ? qsTr("Downloading from the server…") : qsTr("Loading…")
            }
        }
        Label {
            objectName: "attachmentError"
            text: attachment.errorText
            visible: attachment.state === "failed"
            textFormat: Text.PlainText
            color: "#d32f2f"
            wrapMode: Text.Wrap
            Layout.fillWidth: true
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }
        Flow {
            spacing: Style.spacing
            Layout.fillWidth: true
            Button {
                visible: attachment.state === "failed"
                text: qsTr("Try again")
                onClicked: attachment.fetch()
            }
            Button {
                objectName: "openExternallyButton"
                visible: attachment.state === "ready"
                text: qsTr("Open with another app")
                highlighted: !attachment.isImage
                onClicked: Qt.openUrlExternally(attachment.fileUrl)
            }
        }
        Image {
            objectName: "attachmentImage"
            visible: attachment.state === "ready" && attachment.isImage
            source: visible ? attachment.fileUrl : ""
            fillMode: Image.PreserveAspectFit
            asynchronous: true
            autoTransform: true
            Layout.fillWidth: true
            Layout.fillHeight: true
            Accessible.role: Accessible.Graphic
            Accessible.name: attachment.fileName
        }
        Item {
            visible: !(attachment.state === "ready" && attachment.isImage)
            Layout.fillHeight: true
        }
    }
}
