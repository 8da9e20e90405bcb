using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Data;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Data;

public sealed class FieldProtectionTests
{
    private static readonly FieldProtector Protector = new(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void Protect_then_Reveal_gives_back_the_number_and_keeps_the_last_four_for_masking()
    {
        var value = Protector.Protect("E12345678");

        Assert.Equal("E12345678", Protector.Reveal(value));
        Assert.Equal("5678", value.Last4);
        Assert.Equal("••••5678", value.Masked);
        Assert.DoesNotContain("12345678", value.Cipher);
    }

    [Fact]
    public void Spaces_hyphens_and_case_do_not_change_the_number()
    {
        var typed = Protector.Protect("e 1234-5678");

        Assert.Equal("E12345678", Protector.Reveal(typed));
        Assert.Equal(Protector.LookupHash("E12345678"), typed.LookupHash);
        Assert.Equal(Protector.LookupHash("E12345678"), Protector.LookupHash(" e1234 - 5678 "));
        Assert.NotEqual(Protector.LookupHash("E12345678"), Protector.LookupHash("E12345679"));
    }

    [Fact]
    public void Two_encryptions_of_one_number_differ_but_share_the_lookup_hash()
    {
        var first = Protector.Protect("110101199003071234");
        var second = Protector.Protect("110101199003071234");

        // A fresh random nonce each time: equal ciphertexts would tell an observer that two people share a number.
        Assert.NotEqual(first.Cipher, second.Cipher);
        Assert.Equal(first.LookupHash, second.LookupHash);
        Assert.Equal(Protector.Reveal(first), Protector.Reveal(second));
    }

    [Fact]
    public void Another_key_gives_another_hash_and_cannot_decrypt()
    {
        var other = new FieldProtector(RandomNumberGenerator.GetBytes(32));
        var value = Protector.Protect("E12345678");

        Assert.NotEqual(Protector.LookupHash("E12345678"), other.LookupHash("E12345678"));
        Assert.ThrowsAny<CryptographicException>(() => other.Reveal(value));
    }

    [Fact]
    public void A_changed_ciphertext_is_refused_rather_than_decrypted_to_something_else()
    {
        var value = Protector.Protect("E12345678");
        var bytes = Convert.FromBase64String(value.Cipher);
        bytes[14] ^= 0x01;

        Assert.ThrowsAny<CryptographicException>(() => Protector.Reveal(value with { Cipher = Convert.ToBase64String(bytes) }));
    }

    [Fact]
    public void An_empty_number_stays_empty_and_a_short_key_is_refused()
    {
        Assert.True(Protector.Protect(" - ").IsEmpty);
        Assert.Equal("", Protector.Reveal(Protector.Protect("")));
        Assert.Throws<ArgumentException>(() => new FieldProtector(new byte[16]));
    }

    [Fact]
    public void A_created_key_file_is_private_and_reused_and_a_missing_one_is_refused()
    {
        var folder = Directory.CreateTempSubdirectory("registry-key-test-").FullName;
        try
        {
            var path = Path.Combine(folder, "keys", "field-protection.key");
            Assert.Throws<FieldKeyException>(() => FieldProtector.FromKeyFile(path));
            FieldProtector.CreateKeyFile(path);
            var created = FieldProtector.FromKeyFile(path);
            var keyText = File.ReadAllText(path);
            Assert.Equal(32, Convert.FromBase64String(keyText).Length);
            if (!OperatingSystem.IsWindows())
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));

            var reopened = FieldProtector.FromKeyFile(path);

            Assert.Equal(keyText, File.ReadAllText(path));
            Assert.Equal("E12345678", reopened.Reveal(created.Protect("E12345678")));
            Assert.Equal(created.LookupHash("E12345678"), reopened.LookupHash("E12345678"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task The_app_keeps_its_key_in_the_data_folder_not_in_the_database()
    {
        await using var app = await TestApp.StartAsync();
        var keyFile = Path.Combine(app.DataFolder, "keys", "field-protection.key");
        Assert.True(File.Exists(keyFile));

        var value = app.Get<FieldProtector>().Protect("E12345678");

        Assert.Equal("E12345678", FieldProtector.FromKeyFile(keyFile).Reveal(value));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task The_lookup_hash_finds_exactly_the_right_specialist_and_passport(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var protector = app.Get<FieldProtector>();
        var firm = TestRecords.Firm();
        var wanted = TestRecords.Specialist(firm.Id, protector, nationalId: "11010119850615432X");
        var others = new[] { "110101199003071234", "11010119850615433X" }.Select(id => TestRecords.Specialist(firm.Id, protector, id)).ToList();
        var passport = TestRecords.Passport(wanted.Id, protector, "E98765432");
        await app.WithDbAsync(TestUsers.Admin, db =>
        {
            db.AddRange(firm, wanted, passport, TestRecords.Passport(others[0].Id, protector, "E98765433"));
            db.AddRange(others);
            return db.SaveChangesAsync();
        });

        await app.WithDbAsync(TestUsers.Regulator, async db =>
        {
            // Typed as a person would, lower case with spaces: the hash is of the normalised number.
            var idHash = protector.LookupHash("110101 19850615 432x");
            Assert.Equal([wanted.Id], await db.Specialists.Where(s => s.NationalId.LookupHash == idHash).Select(s => s.Id).ToListAsync());
            var passportHash = protector.LookupHash("e 9876-5432");
            Assert.Equal([passport.Id], await db.Passports.Where(p => p.Number.LookupHash == passportHash).Select(p => p.Id).ToListAsync());
        });
    }

    [Fact]
    public async Task No_plaintext_number_reaches_the_SQLite_file()
    {
        await using var app = await TestApp.StartAsync(TestProvider.Sqlite);
        var protector = app.Get<FieldProtector>();
        var firm = TestRecords.Firm();
        var numbers = new[] { "11010119850615432X", "110101199003071234", "E98765432", "G87650009" };
        var first = TestRecords.Specialist(firm.Id, protector, numbers[0], latinName: "Visible Control Name");
        var second = TestRecords.Specialist(firm.Id, protector, numbers[1]);
        await app.WithDbAsync(TestUsers.Admin, db =>
        {
            db.AddRange(firm, first, second, TestRecords.Passport(first.Id, protector, numbers[2]), TestRecords.Passport(second.Id, protector, numbers[3]));
            return db.SaveChangesAsync();
        });

        // Closing every pooled connection lets SQLite checkpoint the WAL into the main file.
        SqliteConnection.ClearAllPools();
        var bytes = ReadShared(app.SqliteFile).Concat(ReadShared(app.SqliteFile + "-wal")).ToArray();

        // The control proves the scan sees the saved rows; without it an empty read would pass.
        Assert.True(Contains(bytes, "Visible Control Name"), "the saved specialist's name should be in the file");
        Assert.All(numbers, n => Assert.False(Contains(bytes, n), $"{n} is stored in plain text"));
        var key = File.ReadAllText(Path.Combine(app.DataFolder, "keys", "field-protection.key")).Trim();
        Assert.False(Contains(bytes, key), "the field key is stored in the database");
    }

    private static byte[] ReadShared(string path)
    {
        if (!File.Exists(path))
            return [];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static bool Contains(byte[] haystack, string text) => haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
}
