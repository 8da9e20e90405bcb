using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Tests.Infrastructure;

namespace SpecialistRegistry.Tests.Data;

/// <summary>
/// The audit trail's content rules, written twice for speed (the bulk import builds entries without the change
/// tracker, and hashes without joining strings): each faster form must give exactly what the plain rule gives.
/// </summary>
public sealed class AuditContentTests
{
    [Theory]
    [InlineData("{\"FullName\":[null,\"王伟\"]}", "Wang Wei")]
    [InlineData("{\"Note\":[\"a\\nb\",\"🧲 \\\"x\\\" \\\\ <&>\"]}", "")]
    [InlineData("{\"Broken\":[null,\"\ud800 lone surrogate\"]}", "名字")]
    public void The_hash_is_sha256_of_the_fields_joined_by_newlines(string changes, string actorName)
    {
        var entry = new AuditEntry
        {
            Sequence = 4711,
            At = new DateTimeOffset(2026, 11, 29, 14, 0, 0, TimeSpan.Zero).AddTicks(1234560),
            ActorId = "user-1",
            ActorName = actorName,
            Action = "Added",
            EntityType = nameof(Specialist),
            EntityKey = Guid.CreateVersion7().ToString(),
            Changes = changes,
            PreviousHash = AuditChain.GenesisHash,
        };
        var canonical = string.Join('\n', entry.Sequence.ToString(CultureInfo.InvariantCulture),
            entry.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture),
            entry.ActorId, entry.ActorName, entry.Action, entry.EntityType, entry.EntityKey, entry.Changes, entry.PreviousHash);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))), AuditChain.ComputeHash(entry));
    }

    [Fact]
    public async Task An_added_entity_is_described_alike_from_its_change_tracker_entry_and_from_the_entity_alone()
    {
        await using var app = await TestApp.StartAsync();
        await using var db = app.OpenDb();
        var specialist = new Specialist
        {
            FirmId = Guid.CreateVersion7(), EmployeeNumber = "E-1", FullName = "欧阳 \"稀土\"", LatinName = "Ouyang <Xitu> & \\ 🧲",
            Gender = Gender.Other, DateOfBirth = new DateOnly(1979, 2, 28), Nationality = "China",
            NationalId = new SensitiveValue("cipher", "hash", "1234"), Status = EmploymentStatus.Left, LeftOn = new DateOnly(2025, 1, 2),
            LeftReason = null, UpdatedAt = DateTimeOffset.UnixEpoch.AddTicks(987654321),
        };
        var passport = new Passport { SpecialistId = specialist.Id, Number = SensitiveValue.Empty, IssuingCountry = "China", ReplacesPassportId = Guid.NewGuid() };
        object[] entities = [specialist, passport, new Expertise { SpecialistId = specialist.Id, Area = ExpertiseArea.SmCoMagnets, Level = ExpertiseLevel.Expert, Years = 70 }];

        foreach (var entity in entities)
        {
            var entry = db.Add(entity);
            Assert.Equal(AuditInterceptor.Describe(entry), AuditInterceptor.DescribeAdded(entry.Metadata, entity));
            Assert.Equal(entry.Metadata.FindPrimaryKey()!.Properties.Single().GetGetter().GetClrValue(entity)!.ToString(), AuditInterceptor.KeyOf(entry.Metadata, entity));
        }
    }
}
