import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Attache
import Attache.App

// For a manager: every mission of the organisation, filtered by year, status and country,
// with the figures of the selection ("11 missions with 33 person-trips").
Page {
    id: page

    signal missionActivated(string missionId)
    signal reportRequested(string missionId)

    objectName: "managerPage"
    title: qsTr("All missions")

    ReportController {
        id: report
        backend: Backend
        preferences: Preferences
        year: missions.year
        country: missions.country
    }

    header: ColumnLayout {
        spacing: 0
        Label {
            text: page.title
            font.pixelSize: 20
            font.bold: true
            Layout.margins: Style.margin
        }
        Flow {
            spacing: Style.spacing
            Layout.leftMargin: Style.margin
            Layout.rightMargin: Style.margin
            Layout.fillWidth: true
            ComboBox {
                model: missions.yearOptions
                textRole: "label"
                valueRole: "value"
                Accessible.name: qsTr("Year")
                onActivated: missions.year = currentValue
            }
            ComboBox {
                model: missions.statusOptions
                textRole: "label"
                valueRole: "value"
                Accessible.name: qsTr("Status")
                onActivated: missions.status = currentValue
            }
            ComboBox {
                model: missions.countryOptions
                textRole: "label"
                valueRole: "value"
                Accessible.name: qsTr("Country")
                onActivated: missions.country = currentValue
            }
        }
        Label {
            text: report.summary
            font.bold: true
            Layout.margins: Style.margin
        }
    }

    ListView {
        id: list
        anchors.fill: parent
        clip: true
        keyNavigationEnabled: true
        activeFocusOnTab: true
        model: MissionModel {
            id: missions
            backend: Backend
            preferences: Preferences
            mineOnly: false
        }
        delegate: MissionDelegate {
            width: ListView.view.width
            onActivated: page.reportRequested(missionId)
        }
        ScrollBar.vertical: ScrollBar {}
        EmptyState {
            anchors.fill: parent
            visible: missions.loaded && list.count === 0
            text: qsTr("No mission matches these filters.")
        }
    }
}
