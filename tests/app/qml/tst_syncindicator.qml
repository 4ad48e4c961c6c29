import QtQuick
import QtQuick.Controls
import QtTest
import Attache
import Attache.App

// The sync indicator on a device nobody has signed in to: it says so in words, with the changes
// kept on the device, in both languages; on a phone it shows just the count; a click (or the
// keyboard) asks for the sign-in instead of syncing. Signed-in states (progress, errors, last
// synced) are driven by a real server in tst_e2e.
TestCase {
    id: test
    name: "SyncIndicator"
    when: windowShown
    visible: true
    width: 390
    height: 844

    Component {
        id: indicatorComponent
        SyncIndicator {}
    }
    SignalSpy {
        id: signInSpy
        signalName: "signInRequested"
    }

    function cleanup() {
        Preferences.language = "en";
    }

    function test_notSignedInSaysSoAndOffersSignIn() {
        tryVerify(() => Backend.ready, 5000);
        tryVerify(() => Backend.pendingCount > 0, 5000); // the demo's records, never sent
        const pending = Backend.pendingCount;
        const indicator = createTemporaryObject(indicatorComponent, test);
        verify(indicator);
        signInSpy.target = indicator;
        verify(!Sync.signedIn);
        verify(indicator.needsSignIn);
        compare(indicator.stateText, "Not signed in · " + pending + " changes kept on this device");
        compare(indicator.Accessible.name, indicator.stateText);
        compare(indicator.Accessible.description, "Opens the sign-in");
        compare(indicator.ToolTip.text, indicator.stateText + " — click to sign in");
        compare(String(indicator.dotColor), "#9e9e9e");

        Preferences.language = "vi";
        verify(indicator.stateText.startsWith("Chưa đăng nhập"), indicator.stateText);
        verify(indicator.stateText.indexOf(String(pending)) > 0);
        Preferences.language = "en";

        // A phone: the count only.
        indicator.compact = true;
        const label = findChild(indicator, "syncIndicatorText");
        compare(label.text, String(pending));
        compare(label.textFormat, Text.PlainText);

        mouseClick(indicator);
        compare(signInSpy.count, 1);
        verify(!Sync.syncing); // nothing to sync with
        indicator.forceActiveFocus();
        keyClick(Qt.Key_Space);
        compare(signInSpy.count, 2);
    }
}
