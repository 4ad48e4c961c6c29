import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Universal
import QtQuick.Layouts
import Attache.App

// The window: phone layout (one stack of pages) below Style.wideThreshold, desktop layout
// (mission list beside the page stack) above it. navigate() is the one way pages open pages.
ApplicationWindow {
    id: root

    readonly property bool wide: width >= Style.wideThreshold
    /// True while a page slides in or out.
    readonly property bool busy: stack.busy
    property string currentMissionId: ""

    width: 1280
    height: 800
    visible: true
    title: qsTr("Attaché")
    Universal.theme: Preferences.theme === "dark" ? Universal.Dark : Universal.Light
    Universal.accent: Universal.Cobalt

    function navigate(page, props) {
        const args = props || {};
        if (page !== "quickContact")
            quickContact.close();
        switch (page) {
        case "missions":
            if (!wide) {
                stack.pop(null);
            }
            return;
        case "mission":
            currentMissionId = args.missionId;
            stack.pop(null);
            if (wide)
                stack.replace(null, missionPage, args);
            else
                stack.push(missionPage, args);
            return;
        case "record":
            stack.push(args.kind === "attachment" ? attachmentPage : formPage, args);
            return;
        case "search":
            stack.push(searchPage, args);
            return;
        case "manager":
            stack.push(managerPage, args);
            return;
        case "dashboard":
            stack.push(dashboardPage, args);
            return;
        case "followUps":
            stack.push(followUpsPage, args);
            return;
        case "report":
            stack.push(reportPage, args);
            return;
        case "settings":
            stack.push(settingsPage, args);
            return;
        case "conflicts":
            stack.push(conflictsPage, args);
            return;
        case "setAside":
            stack.push(setAsidePage, args);
            return;
        case "contacts":
            stack.push(contactImportPage, { missionId: args.missionId || currentMissionId });
            return;
        case "quickContact":
            quickContact.missionId = args.missionId || currentMissionId;
            quickContact.open();
            return;
        }
        console.warn("navigate: no page", page);
    }

    function openRecord(kind, recordId, missionId) {
        if (kind === "mission") {
            navigate("mission", { missionId: recordId });
        } else {
            if (missionId)
                navigate("mission", { missionId: missionId });
            navigate("record", { kind: kind, recordId: recordId, missionId: missionId });
        }
    }

    header: AppToolBar {
        visible: Preferences.setupDone
        canGoBack: stack.depth > 1
        onBackRequested: stack.pop()
        onSearchRequested: root.navigate("search")
        onManagerRequested: root.navigate("manager")
        onDashboardRequested: root.navigate("dashboard")
        onFollowUpsRequested: root.navigate("followUps")
        onSettingsRequested: root.navigate("settings")
        onQuickContactRequested: root.navigate("quickContact")
        onConflictsRequested: root.navigate("conflicts")
        onSetAsideRequested: root.navigate("setAside")
        onContactsRequested: root.navigate("contacts")
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        Loader {
            id: sidePane
            active: root.wide
            visible: active
            Layout.preferredWidth: Style.sidePane
            Layout.fillHeight: true
            sourceComponent: MissionListPage {
                selectedMissionId: root.currentMissionId
                onMissionActivated: (missionId) => root.navigate("mission", { missionId: missionId })
                onNewMissionRequested: root.navigate("record", { kind: "mission" })
            }
        }
        ToolSeparator {
            visible: root.wide
            orientation: Qt.Vertical
            Layout.fillHeight: true
            padding: 0
        }
        StackView {
            id: stack
            Layout.fillWidth: true
            Layout.fillHeight: true
            initialItem: root.wide ? welcomePage : missionListPage
        }
    }

    onWideChanged: {
        // Switching between phone and desktop layout keeps the open mission.
        const mission = currentMissionId;
        stack.clear();
        stack.push(wide ? welcomePage : missionListPage);
        if (mission !== "")
            navigate("mission", { missionId: mission });
    }

    Component {
        id: welcomePage
        WelcomePage {}
    }
    Component {
        id: missionListPage
        MissionListPage {
            selectedMissionId: root.currentMissionId
            onMissionActivated: (missionId) => root.navigate("mission", { missionId: missionId })
            onNewMissionRequested: root.navigate("record", { kind: "mission" })
        }
    }
    Component {
        id: missionPage
        MissionPage {
            onRecordActivated: (kind, recordId) => root.navigate("record",
                { kind: kind, recordId: recordId, missionId: missionId })
            onNewRecordRequested: (kind) => root.navigate("record", { kind: kind, missionId: missionId })
            onReportRequested: root.navigate("report", { missionId: missionId })
            onQuickContactRequested: root.navigate("quickContact", { missionId: missionId })
        }
    }
    Component {
        id: formPage
        RecordFormPage {
            onDone: stack.pop()
            onAttachmentActivated: (recordId) => root.navigate("record",
                { kind: "attachment", recordId: recordId, missionId: missionId })
            onFollowUpRequested: (linkedKind, linkedId) => root.navigate("record",
                { kind: "followup", missionId: missionId, linkedKind: linkedKind, linkedId: linkedId })
        }
    }
    Component {
        id: attachmentPage
        AttachmentPage {}
    }
    Component {
        id: searchPage
        SearchPage {
            onResultActivated: (kind, recordId, missionId) => root.openRecord(kind, recordId, missionId)
        }
    }
    Component {
        id: managerPage
        ManagerPage {
            onMissionActivated: (missionId) => root.navigate("mission", { missionId: missionId })
            onReportRequested: (missionId) => root.navigate("report", { missionId: missionId })
        }
    }
    Component {
        id: dashboardPage
        DashboardPage {
            onRecordActivated: (kind, recordId, missionId) => kind === "mission"
                ? root.navigate("mission", { missionId: recordId })
                : root.navigate("record", { kind: kind, recordId: recordId, missionId: missionId })
        }
    }
    Component {
        id: followUpsPage
        FollowUpsPage {
            onRecordActivated: (kind, recordId, missionId) => root.navigate("record",
                { kind: kind, recordId: recordId, missionId: missionId })
        }
    }
    Component {
        id: reportPage
        ReportPage {}
    }
    Component {
        id: settingsPage
        SettingsPage {
            onSetAsideRequested: root.navigate("setAside")
        }
    }
    Component {
        id: setAsidePage
        SetAsidePage {}
    }
    Component {
        id: contactImportPage
        ContactImportPage {}
    }
    Component {
        id: conflictsPage
        ConflictsPage {
            onRecordActivated: (kind, recordId) => root.navigate("record", { kind: kind, recordId: recordId })
        }
    }

    // The first start covers everything until the user signs in or chooses to work offline.
    Loader {
        objectName: "firstStart"
        anchors.fill: parent
        z: 10
        active: !Preferences.setupDone
        sourceComponent: FirstStartPage {}
    }

    QuickContactDialog {
        id: quickContact
        onSaved: (message) => undoBar.showMessage(message)
    }

    UndoBar {
        id: undoBar
        anchors.bottom: parent.bottom
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottomMargin: Style.margin
    }

    Connections {
        target: Backend
        function onRemoved(kind, recordId, title) {
            undoBar.offerUndo(qsTr("“%1” deleted").arg(title), kind, recordId);
        }
        function onErrorMessage(message) {
            undoBar.showMessage(message);
        }
    }
    Connections {
        target: Sync
        function onSignedInAs(name) {
            undoBar.showMessage(qsTr("Signed in as %1").arg(name));
        }
        function onEditsSetAside(count) {
            undoBar.showMessage(qsTr("%n change(s) could not be sent and are kept on this device: see why under ⋮ → Changes set aside.", "", count));
        }
    }
}
