import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Attache
import Attache.App

// What the missions of a period achieved: for a manager the organisation's, for a leader or
// member the missions they lead or belong to. Key figures and charts by country, by
// month and by field of cooperation, all computed in C++ (DashboardModel); each figure and bar
// opens the records behind it (DrillDownPage).
Page {
    id: page

    /// Follow-ups due before this date are overdue ("" today); tests fix it.
    property string asOf: ""
    signal recordActivated(string kind, string recordId, string missionId)
    signal drillDownRequested(string key, string title)

    objectName: "dashboardPage"
    title: qsTr("Dashboard")

    function drill(key, title) {
        page.drillDownRequested(key, title);
        if (page.StackView.view) {
            page.StackView.view.push(drillDownComponent, {
                key: key, title: title, from: dashboard.from, to: dashboard.to, asOf: page.asOf
            });
        }
    }

    DashboardModel {
        id: dashboard
        objectName: "dashboardModel"
        backend: Backend
        preferences: Preferences
        asOf: page.asOf
        onErrorMessage: (message) => periodError.text = message
        onYearsChanged: Qt.callLater(period.showYear)
        onConfigChanged: Qt.callLater(period.showYear)
        onSummarySaved: (path) => savedLabel.text = qsTr("Summary saved to %1").arg(path)
        onSavingChanged: if (saving) savedLabel.text = ""
    }

    property string summaryFormat: "pdf"
    function chooseSummaryFile(format) {
        summaryFormat = format;
        periodError.text = "";
        const name = "tong-ket-" + (dashboard.year > 0 ? dashboard.year : "ky-bao-cao") + "." + format;
        summaryDialog.currentFile = summaryDialog.currentFolder + "/" + name;
        summaryDialog.open();
    }
    FileDialog {
        id: summaryDialog
        title: qsTr("Save the summary")
        fileMode: FileDialog.SaveFile
        nameFilters: page.summaryFormat === "csv" ? [qsTr("CSV (*.csv)")] : [qsTr("PDF (*.pdf)")]
        onAccepted: dashboard.saveSummary(selectedFile)
    }
    Component {
        id: drillDownComponent
        DrillDownPage {
            onRecordActivated: (kind, recordId, missionId) => page.recordActivated(kind, recordId, missionId)
        }
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            id: content
            width: Math.min(scroll.availableWidth, 1000)
            x: Math.max(0, (scroll.availableWidth - width) / 2)
            spacing: Style.spacing

            Label {
                text: page.title
                font.pixelSize: 20
                font.bold: true
                Layout.topMargin: Style.margin
                Layout.leftMargin: Style.margin
            }
            Label {
                // A leader or member: their device holds only the missions they lead or
                // belong to (the server's scope), so that is what the figures count.
                objectName: "dashboardScope"
                visible: Backend.currentUserId !== "" && !Backend.isManager
                text: qsTr("The missions you lead or belong to")
                opacity: 0.75
                Layout.leftMargin: Style.margin
            }
            Flow {
                spacing: Style.spacing
                Layout.leftMargin: Style.margin
                Layout.rightMargin: Style.margin
                Layout.fillWidth: true
                ComboBox {
                    id: period
                implicitContentWidthPolicy: ComboBox.WidestText
                    objectName: "periodChooser"
                    model: dashboard.yearOptions
                    textRole: "label"
                    valueRole: "value"
                    Accessible.name: qsTr("Period")
                    // The year shown, or "custom period" (value 0) while from/to dates are.
                    function showYear() {
                        currentIndex = Math.max(0, indexOfValue(dashboard.year));
                    }
                    Component.onCompleted: showYear()
                    onActivated: {
                        periodError.text = "";
                        custom.visible = currentValue === 0;
                        if (currentValue > 0)
                            dashboard.year = currentValue;
                    }
                }
                RowLayout {
                    id: custom
                    objectName: "customPeriod"
                    visible: false
                    DateField {
                        id: fromField
                        objectName: "fromField"
                        accessibleName: qsTr("From")
                        Layout.preferredWidth: 170
                    }
                    Label {
                        text: "–"
                    }
                    DateField {
                        id: toField
                        objectName: "toField"
                        accessibleName: qsTr("To")
                        Layout.preferredWidth: 170
                    }
                    Button {
                        objectName: "showPeriodButton"
                        text: qsTr("Show")
                        onClicked: {
                            periodError.text = "";
                            dashboard.setPeriod(fromField.text, toField.text);
                        }
                    }
                }
                Button {
                    // The period summary (báo cáo tổng kết) with these very figures.
                    id: saveButton
                    objectName: "saveSummaryButton"
                    text: dashboard.saving ? qsTr("Saving…") : qsTr("Save the summary…")
                    enabled: dashboard.loaded && !dashboard.saving
                    onClicked: saveMenu.open()
                    Menu {
                        id: saveMenu
                        y: saveButton.height
                        MenuItem {
                            objectName: "savePdfItem"
                            text: qsTr("As PDF (báo cáo tổng kết)")
                            onTriggered: page.chooseSummaryFile("pdf")
                        }
                        MenuItem {
                            objectName: "saveCsvItem"
                            text: qsTr("As CSV (Excel)")
                            onTriggered: page.chooseSummaryFile("csv")
                        }
                    }
                }
            }
            Label {
                id: savedLabel
                objectName: "summarySaved"
                visible: text !== ""
                textFormat: Text.PlainText
                wrapMode: Text.Wrap
                Layout.leftMargin: Style.margin
                Layout.fillWidth: true
            }
            Label {
                id: periodError
                visible: text !== ""
                color: "#d32f2f"
                wrapMode: Text.Wrap
                Layout.leftMargin: Style.margin
                Layout.fillWidth: true
            }
            Label {
                objectName: "dashboardSummary"
                text: dashboard.periodLabel + ": " + dashboard.summary
                font.bold: true
                wrapMode: Text.Wrap
                Layout.leftMargin: Style.margin
                Layout.rightMargin: Style.margin
                Layout.fillWidth: true
            }

            // The key figures, as tiles: two a line on a phone, more on a desktop.
            Flow {
                id: tiles
                readonly property int perLine: width >= 700 ? 4 : 2
                spacing: Style.spacing
                Layout.leftMargin: Style.margin
                Layout.rightMargin: Style.margin
                Layout.fillWidth: true
                Repeater {
                    model: dashboard.figures
                    delegate: ItemDelegate {
                        id: tile
                        required property var modelData
                        objectName: "figure_" + modelData.key
                        width: (tiles.width - (tiles.perLine - 1) * tiles.spacing) / tiles.perLine
                        implicitHeight: tileContent.implicitHeight + 2 * padding
                        padding: 12
                        Accessible.name: modelData.label + ": " + modelData.value
                        onClicked: page.drill(modelData.drill, modelData.drillTitle)
                        background: Rectangle {
                            radius: 6
                            color: tile.down || tile.hovered ? Qt.rgba(0.5, 0.5, 0.5, 0.18)
                                                             : Qt.rgba(0.5, 0.5, 0.5, 0.09)
                        }
                        contentItem: ColumnLayout {
                            id: tileContent
                            spacing: 2
                            Label {
                                // Amounts are long (337.500.000.000 ₫): they shrink to fit.
                                text: tile.modelData.value
                                font.pixelSize: 22
                                font.bold: true
                                fontSizeMode: Text.HorizontalFit
                                minimumPixelSize: 12
                                Layout.fillWidth: true
                            }
                            Label {
                                text: tile.modelData.label
                                opacity: 0.75
                                wrapMode: Text.Wrap
                                Layout.fillWidth: true
                            }
                        }
                    }
                }
            }

            Label {
                text: qsTr("Missions by country")
                font.bold: true
                Layout.topMargin: Style.margin
                Layout.leftMargin: Style.margin
            }
            BarChart {
                objectName: "countryChart"
                bars: dashboard.byCountry
                barColor: page.palette.highlight
                labelWidth: content.width < 600 ? 110 : 180
                emptyText: qsTr("No mission in this period.")
                onBarActivated: (drill, title) => page.drill(drill, title)
                Layout.leftMargin: Style.margin
                Layout.rightMargin: Style.margin
                Layout.fillWidth: true
            }

            Label {
                text: qsTr("Missions by month")
                font.bold: true
                Layout.topMargin: Style.margin
                Layout.leftMargin: Style.margin
            }
            ColumnChart {
                objectName: "monthChart"
                bars: dashboard.byMonth
                barColor: page.palette.highlight
                onBarActivated: (drill, title) => page.drill(drill, title)
                Layout.leftMargin: Style.margin
                Layout.rightMargin: Style.margin
                Layout.fillWidth: true
                Layout.preferredHeight: 160
            }

            Label {
                text: qsTr("Agreements by field of cooperation")
                font.bold: true
                Layout.topMargin: Style.margin
                Layout.leftMargin: Style.margin
            }
            BarChart {
                objectName: "fieldChart"
                bars: dashboard.byField
                barColor: page.palette.highlight
                labelWidth: content.width < 600 ? 110 : 180
                emptyText: qsTr("No agreement in this period.")
                onBarActivated: (drill, title) => page.drill(drill, title)
                Layout.leftMargin: Style.margin
                Layout.rightMargin: Style.margin
                Layout.bottomMargin: Style.margin
                Layout.fillWidth: true
            }
        }
    }
}
