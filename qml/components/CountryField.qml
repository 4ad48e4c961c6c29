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
    currentIndex: value === "" ? 0 : 1 + (options || []).findIndex(o => o.value === value)
    Accessible.name: accessibleName
    onActivated: box.picked(currentValue)
}
