import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Attache
import Attache.App

// My missions, newest first.
Page {
    id: page

    property string selectedMissionId: ""
    signal missionActivated(string missionId)
    signal newMissionRequested()

    title: qsTr("My missions")
    objectName: "missionListPage"

    header: Label {
        text: page.title
        font.pixelSize: 20
        font.bold: true
        padding: Style.margin
    }

    ListView {
        id: list
        objectName: "missionList"
        anchors.fill: parent
        clip: true
        keyNavigationEnabled: true
        activeFocusOnTab: true
        Accessible.role: Accessible.List
        Accessible.name: page.title
        model: MissionModel {
            id: missions
            backend: Backend
            preferences: Preferences
            mineOnly: true
        }
        delegate: MissionDelegate {
            width: ListView.view.width
            selected: missionId === page.selectedMissionId
            onActivated: page.missionActivated(missionId)
        }
        ScrollBar.vertical: ScrollBar {}
        EmptyState {
            anchors.fill: parent
            visible: missions.loaded && list.count === 0
            text: qsTr("No missions yet. Create the first one with the + button.")
        }
    }

    RoundButton {
        text: "+"
        font.pixelSize: 24
        highlighted: true
        width: 56
        height: 56
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: Style.margin
        Accessible.name: qsTr("New mission")
        ToolTip.visible: hovered
        ToolTip.text: qsTr("New mission")
        onClicked: page.newMissionRequested()
    }
}
