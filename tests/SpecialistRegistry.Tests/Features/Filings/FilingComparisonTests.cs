using SpecialistRegistry.Domain;
using SpecialistRegistry.Domain.Filings;
using SpecialistRegistry.Domain.Records;

namespace SpecialistRegistry.Tests.Features.Filings;

/// <summary>The comparison a filing freezes, and its digest, on records alone (no database).</summary>
public sealed class FilingComparisonTests
{
    private static readonly Guid Firm = Guid.CreateVersion7();
    private static readonly DateOnly Today = new(2026, 11, 2);

    private static SpecialistRecord Person(string number, string position = "Engineer", string passportHash = "hash-1", string last4 = "5678") => new()
    {
        EmployeeNumber = number, FullName = "王伟", LatinName = "Wang Wei", Nationality = "China", Position = position, Department = "Plant",
        Phone = "138", NationalId = new MaskedNumber("0031", "id-" + number), DateOfBirth = new DateOnly(1985, 3, 12), HireDate = new DateOnly(2012, 7, 1),
        Passport = new PassportRecord(new MaskedNumber(last4, passportHash), "China", new DateOnly(2021, 5, 10), new DateOnly(2031, 5, 9)),
        Expertise = [new ExpertiseItem(ExpertiseArea.IonExchange, ExpertiseLevel.Expert, 12)],
        Education = [EducationItem.Of(Degree.Master, "Chemistry", "CSU", "China", 2010)],
    };

    private static FrozenRoster Frozen(params (Guid Id, SpecialistRecord Record, FilingChange Change)[] people)
    {
        var roster = new FrozenRoster(Guid.CreateVersion7());
        foreach (var (id, record, change) in people)
            roster.People[id] = new FrozenPerson(record, change, FilingSnapshot.DigestOf(FilingSnapshot.Serialize(record)));
        return roster;
    }

    private static FilingComparison Build(IEnumerable<(Guid, SpecialistRecord)> current, FrozenRoster? baseline = null, FrozenRoster? returned = null,
        Dictionary<Guid, SpecialistRecord>? stillOnFile = null) =>
        FilingComparison.Build(Firm, "2026-Q4", current, stillOnFile ?? [], baseline, returned, Today);

    [Fact]
    public void A_new_passport_number_with_the_same_last_four_characters_is_a_change()
    {
        var id = Guid.CreateVersion7();
        var baseline = Frozen((id, Person("E1"), FilingChange.Added));

        var comparison = Build([(id, Person("E1", passportHash: "hash-2"))], baseline);

        var person = Assert.Single(comparison.People);
        Assert.Equal(FilingChange.Changed, person.Change);
        Assert.Equal(new FieldChange("PassportNumber", "••••5678", "••••5678 (a different number)"), Assert.Single(person.Changes));
    }

    [Fact]
    public void People_removed_from_the_last_accepted_filing_are_not_reported_again_and_return_as_added()
    {
        var (kept, gone, back) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var baseline = Frozen((kept, Person("E1"), FilingChange.Unchanged), (gone, Person("E2"), FilingChange.Removed), (back, Person("E3"), FilingChange.Removed));

        var comparison = Build([(kept, Person("E1")), (back, Person("E3"))], baseline);

        Assert.Equal([FilingChange.Unchanged, FilingChange.Added], comparison.People.Select(p => p.Change));
        Assert.DoesNotContain(comparison.People, p => p.SpecialistId == gone);
    }

    [Fact]
    public void Someone_no_longer_on_the_roster_at_all_is_removed_with_the_record_last_filed()
    {
        var moved = Guid.CreateVersion7();
        var baseline = Frozen((moved, Person("E9", "Chemist"), FilingChange.Added));

        var comparison = Build([], baseline);

        var removed = Assert.Single(comparison.People);
        Assert.Equal(FilingChange.Removed, removed.Change);
        Assert.Equal("Chemist", removed.Record.Position);
        Assert.Empty(removed.Changes);
    }

    [Fact]
    public void The_digest_is_the_same_for_the_same_roster_and_changes_with_any_field_order_or_baseline()
    {
        var (a, b) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var first = Build([(a, Person("E1")), (b, Person("E2"))]);

        Assert.Equal(first.Digest, Build([(b, Person("E2")), (a, Person("E1"))]).Digest);
        Assert.NotEqual(first.Digest, Build([(a, Person("E1")), (b, Person("E2", "Chemist"))]).Digest);
        Assert.NotEqual(first.Digest, Build([(a, Person("E1")), (b, Person("E2"))], Frozen()).Digest);
        Assert.Equal(["E1", "E2"], first.People.Select(p => p.EmployeeNumber));
    }

    [Fact]
    public void A_snapshot_reads_back_as_the_same_record()
    {
        var record = Person("E1");

        var again = FilingSnapshot.Deserialize(FilingSnapshot.Serialize(record));

        Assert.True(SpecialistRecordDiff.AreSame(record, again));
        Assert.DoesNotContain("IsEmpty", FilingSnapshot.Serialize(record));
        Assert.Contains("王伟", FilingSnapshot.Serialize(record));
    }

    [Fact]
    public void Completeness_checks_run_on_current_staff_and_list_every_rule_once()
    {
        var incomplete = new SpecialistRecord { EmployeeNumber = "E5", FullName = "李娜", LatinName = "Li Na", Nationality = "China" };

        var comparison = Build([(Guid.CreateVersion7(), incomplete)]);

        Assert.False(comparison.CanSubmit);
        Assert.Equal(4, comparison.People[0].Problems.Count);
        Assert.Equal(CompletenessChecks.All.Count, CompletenessChecks.All.Select(c => c.Code).Distinct().Count());
        Assert.Empty(CompletenessChecks.ProblemsOf(Person("E1"), Today));
    }
}
