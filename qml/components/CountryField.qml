import QtQuick
import QtQuick.Controls

// Picks one country: type a few letters of its name to jump to it.
ComboBox {
    id: box

    property var options: []
    property string value: ""
    property string accessibleName: ""
    signal picked(string code)

    model: [{ value: "", label: "—" }].concat(options)
    textRole: "label"
    valueRole: "value"
    currentIndex: indexOfCode(value)
    Accessible.name: accessibleName
    onActivated: {
        box.picked(currentValue);
        // A choice breaks the binding; bound again, the box keeps showing the chosen country
        // when the options are re-sorted in another language.
        currentIndex = Qt.binding(() => indexOfCode(box.value));
    }

    function indexOfCode(code) {
        return code === "" ? 0 : 1 + (options || []).findIndex(o => o.value === code);
    }
}
