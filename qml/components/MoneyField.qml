import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Attache.App

// An amount as people write it in their language (337,5 in Vietnamese) and its currency.
RowLayout {
    id: root

    property string amount: ""
    property string currency: "USD"
    property string accessibleName: ""
    signal amountEdited(string text)
    signal currencyPicked(string code)

    TextField {
        text: root.amount
        placeholderText: Preferences.language === "vi" ? "15.000.000" : "15,000,000"
        inputMethodHints: Qt.ImhFormattedNumbersOnly
        Accessible.name: root.accessibleName
        Layout.fillWidth: true
        onTextEdited: root.amountEdited(text)
    }
    ComboBox {
        model: ["VND", "USD", "EUR", "JPY", "KRW", "CNY", "LAK", "THB", "SGD", "AUD"]
        currentIndex: Math.max(0, model.indexOf(root.currency))
        Accessible.name: qsTr("Currency")
        onActivated: root.currencyPicked(currentText)
    }
}
