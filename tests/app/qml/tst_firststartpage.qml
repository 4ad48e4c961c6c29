import QtQuick
import QtTest
import Attache
import Attache.App

// The first start: the sign-in needs a server and a user name, a failed sign-in keeps what was
// typed and says why, and "work offline" lets the user in at once.
TestCase {
    id: test
    name: "FirstStartPage"
    when: windowShown
    visible: true
    width: 390
    height: 844

    Component {
        id: pageComponent
        FirstStartPage {
            width: 390
            height: 844
        }
    }

    function typeText(text) {
        for (let i = 0; i < text.length; ++i)
            keyClick(text[i]);
    }

    function test_signInThenOffline() {
        tryVerify(() => Backend.ready, 5000);
        Preferences.setupDone = false;
        const page = createTemporaryObject(pageComponent, test);
        verify(page);
        const server = findChild(page, "firstServerField");
        const user = findChild(page, "firstUsernameField");
        const password = findChild(page, "firstPasswordField");
        const device = findChild(page, "firstDeviceField");
        const signIn = findChild(page, "firstSignInButton");
        verify(server && user && password && device && signIn);
        compare(device.text, Sync.deviceName); // offered: the machine's name
        verify(!signIn.enabled);

        server.forceActiveFocus();
        typeText("not a server address");
        user.forceActiveFocus();
        typeText("hanh");
        password.forceActiveFocus();
        typeText("secret");
        verify(signIn.enabled);
        mouseClick(signIn);
        const error = findChild(page, "firstStartError");
        tryVerify(() => error.visible && error.text !== "", 10000);
        tryVerify(() => !Sync.signingIn, 10000);
        verify(!Sync.signedIn);
        verify(!Preferences.setupDone);
        compare(user.text, "hanh"); // nothing typed is lost
        compare(password.text, "secret");

        const offline = findChild(page, "workOfflineButton");
        verify(offline.enabled);
        mouseClick(offline);
        verify(Preferences.setupDone);
    }
}
