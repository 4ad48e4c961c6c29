import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Attache
import Attache.App

// Follow-ups after return across every mission: what is due, overdue and done, by due date,
// filtered by owner and state or grouped by owner. A follow-up opens its form.
Page {
    id: page

    /// Follow-ups due before this date are overdue ("" today); tests fix it.
    property alias asOf: followUps.asOf
    signal recordActivated(string kind, string recordId, string missionId)

    objectName: "followUpsPage"
    title: qsTr("Follow-ups after return")

    FollowUpModel {
        id: followUps
        objectName: "followUpModel"
        backend: Backend
        preferences: Preferences
        onOptionsChanged: Qt.callLater(page.showFilters)
    }

    function showFilters() {
        ownerBox.currentIndex = Math.max(0, ownerBox.indexOfValue(followUps.owner));
        stateBox.currentIndex = Math.max(0, stateBox.indexOfValue(followUps.state));
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
            objectName: "followUpCounts"
            text: qsTr("%1 due · %2 overdue · %3 done")
                .arg(followUps.dueCount).arg(followUps.overdueCount).arg(followUps.doneCount)
            opacity: 0.75
            Layout.leftMargin: Style.margin
        }
        Flow {
            spacing: Style.spacing
            Layout.margins: Style.margin
            Layout.topMargin: Style.spacing
            Layout.fillWidth: true
            ComboBox {
                id: ownerBox
                implicitContentWidthPolicy: ComboBox.WidestText
                objectName: "ownerFilter"
                model: followUps.ownerOptions
                textRole: "label"
                valueRole: "value"
                Accessible.name: qsTr("Owner")
                onActivated: followUps.owner = currentValue
            }
            ComboBox {
                id: stateBox
                implicitContentWidthPolicy: ComboBox.WidestText
                objectName: "stateFilter"
                model: followUps.stateOptions
                textRole: "label"
                valueRole: "value"
                Accessible.name: qsTr("State")
                onActivated: followUps.state = currentValue
            }
            CheckBox {
                objectName: "groupByOwner"
                text: qsTr("Group by owner")
                checked: followUps.groupByOwner
                onToggled: followUps.groupByOwner = checked
            }
        }
    }

    ListView {
        id: list
        objectName: "followUpList"
        anchors.fill: parent
        clip: true
        keyNavigationEnabled: true
        activeFocusOnTab: true
        model: followUps
        section.property: followUps.groupByOwner ? "ownerName" : ""
        section.delegate: Label {
            required property string section
            text: section
            textFormat: Text.PlainText
            font.bold: true
            topPadding: Style.spacing
            leftPadding: Style.margin
            bottomPadding: 4
        }
        delegate: FollowUpDelegate {
            width: ListView.view.width
            onActivated: page.recordActivated("followup", recordId, missionId)
        }
        ScrollBar.vertical: ScrollBar {}
        EmptyState {
            anchors.fill: parent
            visible: followUps.loaded && list.count === 0
            text: qsTr("No follow-up matches these filters.")
        }
    }
}
