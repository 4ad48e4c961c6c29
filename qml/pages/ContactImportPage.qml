import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Attache
import Attache.App

// Contacts in and out: import a vCard or Google/Outlook CSV file (each contact that matches a
// stored one is offered as a merge the user confirms or refuses, and every line that could not
// be read is listed with why), and export contacts to vCard 4.0, vCard 3.0 or CSV.
Page {
    id: page

    /// New contacts go to this mission; export only this mission's ("" all contacts).
    property alias missionId: interchange.missionId

    objectName: "contactImportPage"
    title: qsTr("Import and export contacts")

    ContactInterchange {
        id: interchange
        objectName: "contactInterchange"
        backend: Backend
    }

    MissionModel {
        id: missions
        backend: Backend
        preferences: Preferences
        mineOnly: false
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
        Flow {
            spacing: Style.spacing
            Layout.margins: Style.margin
            Layout.fillWidth: true
            ComboBox {
                id: missionBox
                objectName: "missionChooser"
                implicitContentWidthPolicy: ComboBox.WidestText
                // Long mission titles: never wider than a phone's screen.
                width: Math.min(implicitWidth, page.width - 2 * Style.margin)
                Accessible.name: qsTr("Mission")
                textRole: "label"
                valueRole: "value"
                model: {
                    const out = [{ value: "", label: qsTr("No mission (all contacts)") }];
                    for (let i = 0; i < missionRepeater.count; ++i)
                        out.push(missionRepeater.itemAt(i).option);
                    return out;
                }
                onActivated: interchange.missionId = currentValue
                Component.onCompleted: currentIndex = Math.max(0, indexOfValue(interchange.missionId))
            }
            Button {
                objectName: "chooseFileButton"
                text: qsTr("Import a file…")
                enabled: !interchange.busy
                onClicked: openDialog.open()
            }
            Button {
                objectName: "exportButton"
                text: qsTr("Export…")
                enabled: !interchange.busy
                onClicked: exportMenu.open()
                Menu {
                    id: exportMenu
                    MenuItem {
                        text: qsTr("vCard 4.0 (phones, Google, Outlook)")
                        onTriggered: page.chooseExport("vcard4")
                    }
                    MenuItem {
                        text: qsTr("vCard 3.0 (older phones)")
                        onTriggered: page.chooseExport("vcard3")
                    }
                    MenuItem {
                        text: qsTr("CSV (Excel, Google Contacts)")
                        onTriggered: page.chooseExport("csv")
                    }
                }
            }
        }
        Label {
            objectName: "planSummary"
            visible: interchange.planned
            text: qsTr("%1 new, %2 to merge, %3 matching stored contacts")
                .arg(interchange.createCount).arg(interchange.mergeCount)
                .arg(interchange.duplicateCount)
            font.bold: true
            wrapMode: Text.Wrap
            Layout.leftMargin: Style.margin
            Layout.rightMargin: Style.margin
            Layout.fillWidth: true
        }
        Label {
            objectName: "resultText"
            visible: text !== ""
            text: interchange.resultText
            textFormat: Text.PlainText
            wrapMode: Text.Wrap
            Layout.leftMargin: Style.margin
            Layout.rightMargin: Style.margin
            Layout.fillWidth: true
        }
        RowLayout {
            visible: interchange.planned
            spacing: Style.spacing
            Layout.margins: Style.margin
            Button {
                objectName: "applyImportButton"
                text: qsTr("Import")
                highlighted: true
                enabled: !interchange.busy
                onClicked: interchange.apply()
            }
            Button {
                objectName: "cancelImportButton"
                text: qsTr("Cancel")
                enabled: !interchange.busy
                onClicked: interchange.cancel()
            }
        }
    }

    // The missions for the chooser, from the same model as the mission list.
    Repeater {
        id: missionRepeater
        model: missions
        delegate: Item {
            required property string missionId
            required property string title
            readonly property var option: ({ value: missionId, label: title })
        }
    }

    property string exportFormat: "vcard4"
    function chooseExport(format) {
        exportFormat = format;
        saveDialog.currentFile = saveDialog.currentFolder + (format === "csv" ? "/danh-ba.csv" : "/danh-ba.vcf");
        saveDialog.open();
    }

    ListView {
        id: list
        objectName: "importPlanList"
        anchors.fill: parent
        clip: true
        keyNavigationEnabled: true
        activeFocusOnTab: true
        model: interchange
        delegate: ItemDelegate {
            id: row
            required property int index
            required property string name
            required property string organisation
            required property string detail
            required property int line
            required property string plannedAction
            required property string actionLabel
            required property bool isDuplicate
            required property string matchReason
            required property string mergedFields

            width: ListView.view.width
            Accessible.name: name + ", " + actionLabel
            contentItem: ColumnLayout {
                spacing: 2
                Label {
                    text: row.name + (row.organisation ? " · " + row.organisation : "")
                    textFormat: Text.PlainText
                    font.bold: true
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                }
                Label {
                    visible: text !== ""
                    text: row.detail
                    textFormat: Text.PlainText
                    opacity: 0.75
                    elide: Text.ElideRight
                    Layout.fillWidth: true
                }
                Label {
                    objectName: "actionLabel"
                    text: qsTr("Line %1: %2").arg(row.line).arg(row.actionLabel)
                        + (row.matchReason ? " (" + row.matchReason + ")" : "")
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Label {
                    visible: row.plannedAction === "merge" && row.mergedFields !== ""
                    text: qsTr("Fills: %1").arg(row.mergedFields)
                    textFormat: Text.PlainText
                    opacity: 0.75
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                Flow {
                    // A duplicate: merge (proposed), keep as a separate contact, or leave out.
                    visible: row.isDuplicate
                    spacing: Style.spacing
                    Layout.fillWidth: true
                    RadioButton {
                        objectName: "mergeChoice"
                        text: qsTr("Merge")
                        checked: row.plannedAction === "merge"
                        onToggled: if (checked) interchange.setAction(row.index, "merge")
                    }
                    RadioButton {
                        objectName: "separateChoice"
                        text: qsTr("Keep separate")
                        checked: row.plannedAction === "create"
                        onToggled: if (checked) interchange.setAction(row.index, "create")
                    }
                    RadioButton {
                        objectName: "skipChoice"
                        text: qsTr("Leave out")
                        checked: row.plannedAction === "skip"
                        onToggled: if (checked) interchange.setAction(row.index, "skip")
                    }
                }
                CheckBox {
                    // A new contact: import it or leave it out.
                    objectName: "importChoice"
                    // (not a repeat of an earlier contact of the file: that one is combined)
                    visible: !row.isDuplicate && !(row.plannedAction === "skip" && row.matchReason !== "")
                    text: qsTr("Import")
                    checked: row.plannedAction === "create"
                    onToggled: interchange.setAction(row.index, checked ? "create" : "skip")
                }
            }
        }
        footer: ColumnLayout {
            width: ListView.view.width
            spacing: 2
            Label {
                visible: interchange.skipped.length > 0
                text: qsTr("Not imported")
                font.bold: true
                Layout.margins: Style.margin
                Layout.bottomMargin: 0
            }
            Repeater {
                objectName: "skippedLines"
                model: interchange.skipped
                delegate: Label {
                    required property string modelData
                    text: modelData
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                    Layout.leftMargin: Style.margin
                    Layout.rightMargin: Style.margin
                    Layout.fillWidth: true
                }
            }
            Label {
                visible: interchange.warnings.length > 0
                text: qsTr("Kept in the notes")
                font.bold: true
                Layout.margins: Style.margin
                Layout.bottomMargin: 0
            }
            Repeater {
                model: interchange.warnings
                delegate: Label {
                    required property string modelData
                    text: modelData
                    textFormat: Text.PlainText
                    wrapMode: Text.Wrap
                    opacity: 0.75
                    Layout.leftMargin: Style.margin
                    Layout.rightMargin: Style.margin
                    Layout.fillWidth: true
                }
            }
        }
        ScrollBar.vertical: ScrollBar {}
        EmptyState {
            anchors.fill: parent
            visible: !interchange.planned && !interchange.busy && interchange.skipped.length === 0
            text: qsTr("Import contacts from a phone, Outlook or Google Contacts (vCard or CSV); contacts already stored are offered for merging.")
        }
    }

    FileDialog {
        id: openDialog
        title: qsTr("Contacts file")
        nameFilters: [qsTr("Contacts (*.vcf *.vcard *.csv)"), qsTr("All files (*)")]
        onAccepted: interchange.load(selectedFile)
    }
    FileDialog {
        id: saveDialog
        title: qsTr("Export contacts")
        fileMode: FileDialog.SaveFile
        nameFilters: page.exportFormat === "csv" ? [qsTr("CSV (*.csv)")] : [qsTr("vCard (*.vcf)")]
        onAccepted: interchange.exportTo(selectedFile, page.exportFormat)
    }
}
