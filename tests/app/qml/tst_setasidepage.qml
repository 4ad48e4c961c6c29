import QtQuick
import QtTest
import Attache
import Attache.App

// The page of set-aside changes: on a device that was never removed from a mission, it says
// that nothing waits, in words (the listing itself is covered by tst_listmodels and tst_e2e).
TestCase {
    id: test
    name: "SetAsidePage"
    when: windowShown
    visible: true
    width: 390
    height: 844

    Component {
        id: pageComponent
        SetAsidePage {
            width: 390
            height: 844
        }
    }

    function test_emptyStateSaysSo() {
        tryVerify(() => Backend.ready, 5000);
        const page = createTemporaryObject(pageComponent, test);
        verify(page);
        tryVerify(() => !page.model.loading, 5000);
        compare(page.model.count, 0);
        compare(page.title, "Changes set aside");
    }
}
