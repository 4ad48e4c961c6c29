import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Universal
import QtQuick.Layouts
import Attache

// One field of a RecordForm: its label, the editor its type calls for, and the store's
// message right under it when the value was refused. Values go back through form.setValue().
ColumnLayout {
    id: field

    required property var form
    required property string name
    required property string label
    required property string type
    required property bool required
    required property var value
    required property string currency
    required property var options
    required property string error

    spacing: 2

    Label {
        text: field.required ? qsTr("%1 *").arg(field.label) : field.label
        font.pixelSize: 13
        opacity: 0.8
        visible: field.type !== "bool"
    }

    Loader {
        id: editor
        Layout.fillWidth: true
        sourceComponent: {
            switch (field.type) {
            case "longtext": return longText;
            case "textlist": return longText;
            case "date": return dateEditor;
            case "datetime": return dateTimeEditor;
            case "enum": case "ref": return choice;
            case "country": return countryEditor;
            case "enumlist": case "reflist": case "countrylist": return multi;
            case "contactref": case "contactlist": return picker;
            case "bool": return check;
            case "money": return money;
            default: return line;
            }
        }
    }

    Label {
        text: field.type === "textlist" ? qsTr("One per line") : ""
        visible: text !== "" && field.error === ""
        font.pixelSize: 12
        opacity: 0.6
    }
    Label {
        objectName: "error_" + field.name
        text: field.error
        visible: field.error !== ""
        color: Style.error
        wrapMode: Text.Wrap
        font.pixelSize: 13
        Layout.fillWidth: true
        Accessible.role: Accessible.AlertMessage
        Accessible.name: text
    }

    Component {
        id: line
        TextField {
            objectName: "input_" + field.name
            text: field.value
            inputMethodHints: field.type === "integer" ? Qt.ImhDigitsOnly : Qt.ImhNone
            Accessible.name: field.label
            onTextEdited: field.form.setValue(field.name, text)
        }
    }
    Component {
        id: longText
        TextArea {
            objectName: "input_" + field.name
            text: field.value
            wrapMode: TextArea.Wrap
            textFormat: TextEdit.PlainText
            Accessible.name: field.label
            KeyNavigation.priority: KeyNavigation.BeforeItem
            onTextChanged: if (activeFocus) field.form.setValue(field.name, text)
        }
    }
    Component {
        id: dateEditor
        DateField {
            objectName: "input_" + field.name
            text: field.value
            accessibleName: field.label
            onEdited: (text) => field.form.setValue(field.name, text)
        }
    }
    Component {
        id: dateTimeEditor
        DateField {
            objectName: "input_" + field.name
            withTime: true
            text: field.value
            accessibleName: field.label
            onEdited: (text) => field.form.setValue(field.name, text)
        }
    }
    Component {
        id: choice
        ComboBox {
            objectName: "input_" + field.name
            model: field.options
            textRole: "label"
            valueRole: "value"
            Accessible.name: field.label
            // Recomputed when the choices arrive as well as when the value changes.
            currentIndex: (field.options || []).findIndex(o => o.value === field.value)
            onActivated: field.form.setValue(field.name, currentValue)
        }
    }
    Component {
        id: countryEditor
        CountryField {
            objectName: "input_" + field.name
            options: field.options
            value: field.value
            accessibleName: field.label
            onPicked: (code) => field.form.setValue(field.name, code)
        }
    }
    Component {
        id: multi
        MultiChoiceField {
            objectName: "input_" + field.name
            options: field.options
            selected: field.value
            searchable: field.type === "countrylist"
            accessibleName: field.label
            onChanged: (values) => field.form.setValue(field.name, values)
        }
    }
    Component {
        id: picker
        RecordPicker {
            objectName: "input_" + field.name
            options: field.options
            multiple: field.type === "contactlist"
            selected: field.value
            accessibleName: field.label
            onChanged: (values) => field.form.setValue(field.name, values)
        }
    }
    Component {
        id: check
        CheckBox {
            objectName: "input_" + field.name
            text: field.label
            checked: field.value
            Accessible.name: field.label
            onToggled: field.form.setValue(field.name, checked)
        }
    }
    Component {
        id: money
        MoneyField {
            objectName: "input_" + field.name
            amount: field.value
            currency: field.currency
            accessibleName: field.label
            onAmountEdited: (text) => field.form.setValue(field.name, text)
            onCurrencyPicked: (code) => field.form.setCurrency(field.name, code)
        }
    }
}
