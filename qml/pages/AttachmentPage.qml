import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Attache
import Attache.App

// One attachment: downloaded from the department's server when it is not on this device yet
// (with its progress; a failed download keeps what arrived and says why), then an image shown
// here, any file opened with the app the system chooses. Names come from others: plain text.
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
            Layout.fillWidth: true
            BusyIndicator {
                running: parent.visible
                Accessible.ignored: true
            }
            Label {
                objectName: "attachmentProgressText"
                text: (Preferences.revision, attachment.state !== "downloading" ? qsTr("Loading…")
                       : attachment.progress > 0
                       ? qsTr("Downloading from the server… %1 %").arg(Preferences.formatNumber(attachment.progress * 100, 0))
                       : qsTr("Downloading from the server…"))
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
        }
        ProgressBar {
            objectName: "attachmentProgress"
            visible: attachment.state === "downloading" && attachment.progress >= 0
            from: 0
            to: 1
            value: Math.max(0, attachment.progress)
            Layout.fillWidth: true
            Accessible.name: qsTr("Download progress")
        }
        Label {
            objectName: "attachmentError"
            text: attachment.errorText
            visible: attachment.state === "failed"
            textFormat: Text.PlainText
            color: Style.error
            wrapMode: Text.Wrap
            Layout.fillWidth: true
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }
        Label {
            objectName: "attachmentKept"
            visible: attachment.state === "failed" && attachment.progress > 0
            text: (Preferences.revision, qsTr("%1 % of the file is already on this device: trying again continues from there.").arg(Preferences.formatNumber(attachment.progress * 100, 0)))
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            opacity: 0.8
            Layout.fillWidth: true
        }
        Flow {
            spacing: Style.spacing
            Layout.fillWidth: true
            Button {
                objectName: "retryButton"
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
