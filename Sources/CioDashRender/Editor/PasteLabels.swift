import CioDashCore

extension MinutesLabels {
    /// The status line's word when a paste into the minutes form was longer than a paste may be.
    public func pasteCut(_ limit: Int) -> String {
        let vi = NumberFormatting.format(Double(limit), language: .vi, maxFractionDigits: 0)
        let en = NumberFormatting.format(Double(limit), language: .en, maxFractionDigits: 0)
        return self.vi ? "Đoạn dán quá dài: chỉ giữ \(vi) ký tự đầu; dán phần còn lại thành nhiều lần"
                       : "The paste was too long: only its first \(en) characters were kept; paste the rest in parts"
    }
}
