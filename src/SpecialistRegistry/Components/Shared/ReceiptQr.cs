using QRCoder;

namespace SpecialistRegistry.Components.Shared;

/// <summary>
/// The QR code printed on a receipt: the receipt check page's address with the receipt number and the
/// verification code, so scanning it with any phone opens the check with both filled in.
/// </summary>
public static class ReceiptQr
{
    // Both kinds open the public check (no sign-in: the holder is usually not a portal user); the number tells them apart.
    public const string CustodyCheckPath = "receipts/verify";
    public const string FilingCheckPath = "receipts/verify";

    public static string Payload(string baseUri, string checkPath, string receiptNumber, string verificationCode) =>
        $"{baseUri.TrimEnd('/')}/{checkPath}?number={Uri.EscapeDataString(receiptNumber)}&code={Uri.EscapeDataString(verificationCode)}";

    public static QRCodeData Encode(string payload)
    {
        using var generator = new QRCodeGenerator();
        return generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.M);
    }

    /// <summary>A PNG data URI for an &lt;img&gt;: prints crisply and needs no separate request.</summary>
    public static string PngDataUri(string payload)
    {
        using var data = Encode(payload);
        var png = new PngByteQRCode(data).GetGraphic(6);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
