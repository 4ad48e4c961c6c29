import QtQuick
import QtTest
import Attache
import Attache.App

// Global search: typed without accents, it finds the record and jumps to it.
TestCase {
    id: test
    name: "SearchPage"
    when: windowShown
    visible: true // pages are created inside the test item: they must be visible to be clicked
    width: 390
    height: 844

    Component {
        id: pageComponent
        SearchPage {
            width: 390
            height: 844
        }
    }
    SignalSpy {
        id: activated
        signalName: "resultActivated"
    }

    function typeText(text) {
        for (let i = 0; i < text.length; ++i)
            keyClick(text[i]);
    }

    function test_searchAndJump() {
        tryVerify(() => Backend.ready, 5000);
        const page = createTemporaryObject(pageComponent, test);
        activated.target = page;
        page.header.forceActiveFocus();
        typeText("tanaka hiroshi");
        const list = page.contentItem.children[0];
        tryVerify(() => list.count > 0, 5000);
        compare(list.itemAtIndex(0).title, "Tanaka Hiroshi");
        compare(list.itemAtIndex(0).kind, "contact");
        mouseClick(list.itemAtIndex(0));
        compare(activated.count, 1);
        compare(activated.signalArguments[0][0], "contact");
    }
}
