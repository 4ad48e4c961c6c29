import QtQuick
import QtTest
import Attache
import Attache.App

// A mission's page on a desktop: the add button says what it adds, in the user's language, and
// Ctrl+N adds a record to the tab shown; the overview has no add button; a language switch
// renames the tabs and keeps the one shown.
TestCase {
    id: test
    name: "MissionPage"
    when: windowShown
    visible: true
    width: 1280
    height: 800

    Component {
        id: pageComponent
        MissionPage {
            width: 1280
            height: 800
        }
    }
    SignalSpy {
        id: newSpy
        signalName: "newRecordRequested"
    }

    function test_addSaysWhatAndCtrlN() {
        tryVerify(() => Backend.ready, 5000);
        const mission = TestFixture.firstRecord("mission");
        const page = createTemporaryObject(pageComponent, test, { missionId: mission.id });
        verify(page);
        newSpy.target = page;
        const add = findChild(page, "addButton");
        verify(!add.visible); // the overview
        keySequence(StandardKey.New);
        compare(newSpy.count, 0);

        page.currentTab = 1; // meetings
        verify(add.visible);
        compare(add.Accessible.name, "New Meeting");
        keySequence(StandardKey.New);
        compare(newSpy.count, 1);
        compare(newSpy.signalArguments[0][0], "meeting");

        page.currentTab = 4; // contacts
        compare(add.Accessible.name, "New Contact");
        Preferences.language = "vi";
        compare(page.currentTab, 4); // the language switch keeps the tab shown
        compare(add.Accessible.name, Backend.kindName("contact") + " mới");
        Preferences.language = "en";
        mouseClick(add);
        compare(newSpy.count, 2);
        compare(newSpy.signalArguments[1][0], "contact");
    }
}
