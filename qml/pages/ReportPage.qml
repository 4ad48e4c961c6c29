import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Attache
import Attache.App

// What a mission achieved, its reviews, and for a manager: approve, or return with a comment.
Page {
    id: page

    required property string missionId

    objectName: "reportPage"
    title: qsTr("Mission report")

    RecordDetails {
        id: mission
        backend: Backend
        preferences: Preferences
        kind: "mission"
        recordId: page.missionId
    }
    ReportController {
        id: report
        objectName: "reportController"
        backend: Backend
        preferences: Preferences
        missionId: page.missionId
        onReviewed: comment.text = ""
        onErrorMessage: (message) => error.text = message
    }
    // The report as a document: PDF (báo cáo kết quả chuyến công tác) or CSV.
    DocumentSaver {
        id: documents
        objectName: "documentSaver"
        backend: Backend
        onSaved: (path) => savedLabel.text = qsTr("Report saved to %1").arg(path)
        onErrorMessage: (message) => error.text = message
    }
    property string documentFormat: "pdf"
    function chooseDocument(format) {
        documentFormat = format;
        error.text = "";
        savedLabel.text = "";
        documentDialog.currentFile = documentDialog.currentFolder + "/bao-cao-doan." + format;
        documentDialog.open();
    }
    FileDialog {
        id: documentDialog
        title: qsTr("Save the mission report")
        fileMode: FileDialog.SaveFile
        nameFilters: page.documentFormat === "csv" ? [qsTr("CSV (*.csv)")] : [qsTr("PDF (*.pdf)")]
        onAccepted: documents.saveMissionReport(page.missionId, selectedFile)
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: Math.min(scroll.availableWidth, Style.formWidth)
            x: Math.max(0, (scroll.availableWidth - width) / 2)
            spacing: Style.spacing

            Label {
                text: mission.title
                textFormat: Text.PlainText
                font.pixelSize: 20
                font.bold: true
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                Layout.margins: Style.margin
            }
            StatusChip {
                status: mission.status
                statusLabel: mission.statusLabel
                Layout.leftMargin: Style.margin
            }
            Flow {
                spacing: Style.spacing
                Layout.leftMargin: Style.margin
                Layout.rightMargin: Style.margin
                Layout.fillWidth: true
                Button {
                    objectName: "saveReportPdfButton"
                    text: qsTr("Save as PDF…")
                    enabled: !documents.busy
                    onClicked: page.chooseDocument("pdf")
                }
                Button {
                    objectName: "saveReportCsvButton"
                    text: qsTr("Save as CSV…")
                    enabled: !documents.busy
                    onClicked: page.chooseDocument("csv")
                }
            }
            Label {
                id: savedLabel
                objectName: "reportSaved"
                visible: text !== ""
                textFormat: Text.PlainText
                wrapMode: Text.Wrap
                Layout.leftMargin: Style.margin
                Layout.rightMargin: Style.margin
                Layout.fillWidth: true
            }
            Repeater {
                model: report.figures
                delegate: RowLayout {
                    required property var modelData
                    Layout.leftMargin: Style.margin
                    Layout.rightMargin: Style.margin
                    Layout.fillWidth: true
                    Label {
                        text: modelData.label
                        Layout.fillWidth: true
                    }
                    Label {
                        text: modelData.value
                        font.bold: true
                    }
                }
            }

            Label {
                text: qsTr("Reviews")
                font.bold: true
                Layout.margins: Style.margin
            }
            RecordListPane {
                kind: "review"
                missionId: page.missionId
                emptyText: qsTr("Not reviewed yet.")
                interactive: false
                Layout.fillWidth: true
                Layout.preferredHeight: Math.max(60, contentHeight)
            }

            ColumnLayout {
                visible: report.canReview
                Layout.margins: Style.margin
                Layout.fillWidth: true
                Label {
                    text: qsTr("Your review")
                    font.bold: true
                }
                TextArea {
                    id: comment
                    objectName: "reviewComment"
                    placeholderText: qsTr("Comment (needed to return the report)")
                    wrapMode: TextArea.Wrap
                    Accessible.name: qsTr("Review comment")
                    Layout.fillWidth: true
                    Layout.preferredHeight: 100
                }
                Label {
                    id: error
                    visible: text !== ""
                    color: Style.error
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                RowLayout {
                    Button {
                        objectName: "approveButton"
                        text: qsTr("Approve")
                        highlighted: true
                        enabled: !report.busy
                        onClicked: report.approve(comment.text)
                    }
                    Button {
                        objectName: "returnButton"
                        text: qsTr("Return with comment")
                        enabled: !report.busy
                        onClicked: report.returnReport(comment.text)
                    }
                }
            }
        }
    }
}
