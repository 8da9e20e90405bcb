using QRCoder;
using SpecialistRegistry.Components.Shared;
using SpecialistRegistry.Features.Custody;
using SpecialistRegistry.Tests.Infrastructure;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace SpecialistRegistry.Tests.Features.Custody;

public sealed class ReceiptTests : IAsyncLifetime
{
    private TestApp _app = default!;
    private CustodyTestData _data = default!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync();
        _data = await CustodyTestData.CreateAsync(_app);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public void The_QR_code_decodes_to_the_check_address_with_the_receipt_number_and_verification_code()
    {
        var payload = ReceiptQr.Payload("https://registry.example/", ReceiptQr.CustodyCheckPath, "CR-20261102-ABC123", "7KQ2-M9XD-3HTR");

        using var data = ReceiptQr.Encode(payload);
        var decoded = Decode(data);

        Assert.Equal("https://registry.example/receipts/verify?number=CR-20261102-ABC123&code=7KQ2-M9XD-3HTR", decoded);
        Assert.StartsWith("data:image/png;base64,iVBORw0KGgo", ReceiptQr.PngDataUri(payload));
    }

    [Fact]
    public async Task A_receipt_is_genuine_and_current_until_a_later_entry_supersedes_it()
    {
        var handIn = await _data.HandInAsync();
        var receipt = await _data.QueryAsync(q => q.ReceiptAsync(handIn.ReceiptNumber!));
        Assert.NotNull(receipt);
        Assert.True(receipt.IsCurrent);

        var check = await _data.QueryAsync(q => q.CheckReceiptAsync(receipt.ReceiptNumber.ToLowerInvariant(), receipt.VerificationCode.Replace("-", " ")));
        Assert.Equal(ReceiptVerdict.GenuineAndCurrent, check.Verdict);

        _app.Clock.Advance(TimeSpan.FromHours(1));
        var today = DateOnly.FromDateTime(_app.Clock.GetUtcNow().UtcDateTime);
        await _data.ReleaseAsync(today.AddDays(1), today.AddDays(5));

        var later = await _data.QueryAsync(q => q.CheckReceiptAsync(receipt.ReceiptNumber, receipt.VerificationCode));
        Assert.Equal(ReceiptVerdict.Superseded, later.Verdict);
        Assert.Contains("released on 2026-11-02 10:00 UTC", later.Message);
        Assert.False((await _data.QueryAsync(q => q.ReceiptAsync(handIn.ReceiptNumber!)))!.IsCurrent);
    }

    [Fact]
    public async Task A_forged_code_and_an_unknown_number_are_not_genuine_and_say_so_alike()
    {
        var handIn = await _data.HandInAsync();
        var receipt = (await _data.QueryAsync(q => q.ReceiptAsync(handIn.ReceiptNumber!)))!;
        var forgedCode = receipt.VerificationCode[..^1] + (receipt.VerificationCode[^1] == 'A' ? 'B' : 'A');

        var forged = await _data.QueryAsync(q => q.CheckReceiptAsync(receipt.ReceiptNumber, forgedCode));
        var unknown = await _data.QueryAsync(q => q.CheckReceiptAsync("CR-20261102-ZZZZZZ", receipt.VerificationCode));
        var empty = await _data.QueryAsync(q => q.CheckReceiptAsync(receipt.ReceiptNumber, " "));

        Assert.Equal(ReceiptVerdict.NotGenuine, forged.Verdict);
        Assert.Equal(ReceiptVerdict.NotGenuine, unknown.Verdict);
        Assert.StartsWith("Not genuine: no receipt", forged.Message);
        Assert.StartsWith("Not genuine: no receipt", unknown.Message);
        Assert.Equal("Enter both the receipt number and the verification code printed on the receipt.", empty.Message);
        Assert.Null(await _data.QueryAsync(q => q.ReceiptAsync("CR-20261102-ZZZZZZ")));
    }

    [Fact]
    public void Verification_codes_differ_every_time_and_survive_O_I_and_L_typed_for_0_and_1()
    {
        var codes = Enumerable.Range(0, 500).Select(_ => ReceiptCodes.NewVerificationCode()).ToHashSet();
        Assert.Equal(500, codes.Count);

        Assert.True(ReceiptCodes.CodesMatch("0A1B-0000-1111", "oa1b-OOOO-iLl1"));
        Assert.False(ReceiptCodes.CodesMatch("0A1B-0000-1111", "0A1B-0000-111"));
    }

    [Fact]
    public async Task A_receipt_shows_the_full_number_to_officers_and_a_masked_one_to_others()
    {
        var handIn = await _data.HandInAsync();

        var officer = await _data.QueryAsync(q => q.ReceiptAsync(handIn.ReceiptNumber!));
        var hr = await _data.QueryAsync(q => q.ReceiptAsync(handIn.ReceiptNumber!), TestUsers.FirmHr(_data.Firm.Id));

        Assert.Equal("E12345678", officer!.Number);
        Assert.Equal("••••5678", hr!.Number);
        Assert.Equal("Wang Wei", officer.AcknowledgedBy);
        Assert.Equal("Test CustodyOfficer", officer.OfficerName);
    }

    /// <summary>Renders the module matrix as a grey-scale image and reads it back with an independent decoder.</summary>
    private static string Decode(QRCodeData data)
    {
        const int scale = 4;
        var modules = data.ModuleMatrix;
        var size = modules.Count * scale;
        var pixels = new byte[size * size];
        for (var y = 0; y < size; y++)
            for (var x = 0; x < size; x++)
                pixels[(y * size) + x] = modules[y / scale][x / scale] ? (byte)0 : (byte)255;
        var source = new RGBLuminanceSource(pixels, size, size, RGBLuminanceSource.BitmapFormat.Gray8);
        var result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)));
        Assert.NotNull(result);
        return result.Text;
    }
}
