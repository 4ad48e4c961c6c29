import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Attache
import Attache.App

// A mission: its overview and, one tab each, its meetings, agreements, events, contacts,
// investment leads, follow-ups and attachments.
Page {
    id: page

    required property string missionId
    property alias currentTab: tabs.currentIndex
    readonly property var kinds: ["", "meeting", "agreement", "event", "contact", "lead", "followup", "attachment"]
    signal recordActivated(string kind, string recordId)
    signal newRecordRequested(string kind)
    signal reportRequested()
    signal quickContactRequested()

    objectName: "missionPage"
    title: details.title

    RecordDetails {
        id: details
        backend: Backend
        preferences: Preferences
        kind: "mission"
        recordId: page.missionId
    }

    header: ColumnLayout {
        spacing: 0
        RowLayout {
            Layout.margins: Style.spacing
            Layout.leftMargin: Style.margin
            Label {
                text: details.title
                textFormat: Text.PlainText
                font.pixelSize: 20
                font.bold: true
                wrapMode: Text.Wrap
                maximumLineCount: 2
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            StatusChip {
                status: details.status
                statusLabel: details.statusLabel
            }
        }
        TabBar {
            id: tabs
            Layout.fillWidth: true
            Repeater {
                // A fixed model, the labels translated in the delegate: a language switch only
                // renames the tabs and keeps the one shown.
                model: page.kinds.length
                delegate: TabButton {
                    required property int index
                    readonly property string label: [qsTr("Overview"), qsTr("Meetings"),
                        qsTr("Agreements"), qsTr("Events"), qsTr("Contacts"),
                        qsTr("Investment leads"), qsTr("Follow-ups"), qsTr("Attachments")][index]
                    text: {
                        const n = details.counts[page.kinds[index]];
                        return n ? label + " (" + n + ")" : label;
                    }
                    width: implicitWidth
                    Accessible.name: label
                }
            }
        }
    }

    StackLayout {
        anchors.fill: parent
        currentIndex: tabs.currentIndex

        ScrollView {
            id: overview
            contentWidth: availableWidth
            ColumnLayout {
                width: overview.availableWidth
                spacing: Style.spacing
                Repeater {
                    model: details.lines
                    delegate: ColumnLayout {
                        required property var modelData
                        spacing: 0
                        Layout.leftMargin: Style.margin
                        Layout.rightMargin: Style.margin
                        Layout.fillWidth: true
                        Label {
                            text: modelData.label
                            opacity: 0.7
                            font.pixelSize: 13
                        }
                        Label {
                            text: modelData.value
                            textFormat: Text.PlainText
                            wrapMode: Text.Wrap
                            Layout.fillWidth: true
                        }
                    }
                }
                Flow {
                    spacing: Style.spacing
                    Layout.margins: Style.margin
                    Layout.fillWidth: true
                    Button {
                        text: qsTr("Edit mission")
                        onClicked: page.recordActivated("mission", page.missionId)
                    }
                    Button {
                        text: qsTr("Mission report")
                        onClicked: page.reportRequested()
                    }
                    Button {
                        text: qsTr("Quick contact")
                        onClicked: page.quickContactRequested()
                    }
                    Button {
                        text: qsTr("Delete mission")
                        flat: true
                        onClicked: Backend.remove("mission", page.missionId)
                    }
                }
            }
        }
        Repeater {
            model: page.kinds.slice(1)
            delegate: RecordListPane {
                required property string modelData
                kind: modelData
                missionId: page.missionId
                emptyText: qsTr("Nothing recorded yet.")
                onRecordActivated: (kind, recordId) => page.recordActivated(kind, recordId)
            }
        }
    }

    RoundButton {
        id: addButton
        objectName: "addButton"
        visible: tabs.currentIndex > 0 && page.kinds[tabs.currentIndex] !== "attachment"
        text: "+"
        font.pixelSize: 24
        highlighted: true
        width: 56
        height: 56
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: Style.margin
        // Says what it adds: "New meeting", "New contact"…
        Accessible.name: (Preferences.revision, qsTr("New %1").arg(Backend.kindName(page.kinds[tabs.currentIndex])))
        ToolTip.visible: hovered
        ToolTip.text: qsTr("%1 (Ctrl+N)").arg(Accessible.name)
        onClicked: page.newRecordRequested(page.kinds[tabs.currentIndex])
    }

    // Desktop: Ctrl+N adds a record to the tab shown.
    Shortcut {
        sequences: [StandardKey.New]
        enabled: addButton.visible && page.visible
        onActivated: page.newRecordRequested(page.kinds[tabs.currentIndex])
    }
}
