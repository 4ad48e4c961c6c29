import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Universal
import QtQuick.Layouts
import Attache
import Attache.App

// The bar on every screen: back, the app's name, the sync state, search, quick capture, menu.
ToolBar {
    id: bar

    property bool canGoBack: false
    signal backRequested()
    signal searchRequested()
    signal managerRequested()
    signal dashboardRequested()
    signal contactsRequested()
    signal followUpsRequested()
    signal settingsRequested()
    signal quickContactRequested()
    signal conflictsRequested()
    signal setAsideRequested()

    SetAsideModel {
        id: setAside
        backend: Backend
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        ToolButton {
            visible: bar.canGoBack
            text: "‹"
            font.pixelSize: 24
            Accessible.name: qsTr("Back")
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Back")
            onClicked: bar.backRequested()
        }
        Label {
            text: qsTr("Attaché")
            font.bold: true
            font.pixelSize: 18
            elide: Label.ElideRight
            Layout.leftMargin: bar.canGoBack ? 0 : Style.margin
            Layout.fillWidth: true
        }
        SyncIndicator {
            compact: bar.width < 600
            onSignInRequested: bar.settingsRequested()
        }
        ToolButton {
            text: "⚲"
            Accessible.name: qsTr("Search")
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Search (Ctrl+F)")
            onClicked: bar.searchRequested()
        }
        ToolButton {
            text: "+☺"
            Accessible.name: qsTr("Quick contact")
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Save a contact in a few taps")
            onClicked: bar.quickContactRequested()
        }
        ToolButton {
            id: menuButton
            text: "⋮"
            font.pixelSize: 20
            Accessible.name: qsTr("Menu")
            onClicked: menu.open()
            Menu {
                id: menu
                y: menuButton.height
                MenuItem {
                    text: qsTr("All missions and reports")
                    onTriggered: bar.managerRequested()
                }
                MenuItem {
                    objectName: "dashboardMenuItem"
                    // For everyone: a manager sees the organisation; a leader or member the
                    // missions they lead or belong to, which is all the server lets their
                    // device hold (the page says so).
                    text: qsTr("Dashboard")
                    onTriggered: bar.dashboardRequested()
                }
                MenuItem {
                    objectName: "followUpsMenuItem"
                    text: qsTr("Follow-ups after return")
                    onTriggered: bar.followUpsRequested()
                }
                MenuItem {
                    objectName: "contactsMenuItem"
                    text: qsTr("Import and export contacts")
                    onTriggered: bar.contactsRequested()
                }
                MenuItem {
                    text: qsTr("Conflicts to review (%1)").arg(Sync.openConflicts)
                    onTriggered: bar.conflictsRequested()
                }
                MenuItem {
                    objectName: "setAsideMenuItem"
                    // Only when there are some: removed from a mission, with unsent changes.
                    visible: setAside.count > 0
                    height: visible ? implicitHeight : 0
                    text: qsTr("Changes set aside (%1)").arg(setAside.count)
                    onTriggered: bar.setAsideRequested()
                }
                MenuItem {
                    text: qsTr("Sign in and sync")
                    onTriggered: bar.settingsRequested()
                }
                MenuItem {
                    text: qsTr("Settings")
                    onTriggered: bar.settingsRequested()
                }
            }
        }
    }

    Shortcut {
        sequence: StandardKey.Find
        onActivated: bar.searchRequested()
    }
    Shortcut {
        sequences: [StandardKey.Back, "Alt+Left"]
        enabled: bar.canGoBack
        onActivated: bar.backRequested()
    }
}
