using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Tests.Infrastructure;

/// <summary>Small, explicit test data: firms and specialists saved through the real (audited) store.</summary>
public static class TestData
{
    private static int _firmCounter;

    public static async Task<Firm> AddFirmAsync(TestApp app, string name = "Test Firm")
    {
        var n = Interlocked.Increment(ref _firmCounter);
        var body = $"91330200MA{n:D7}";
        var firm = new Firm { Name = $"{name} {n}", CreditCode = body + UnifiedSocialCreditCode.CheckCharacter(body), Region = "Zhejiang" };
        await app.WithDbAsync(TestUsers.Admin, async db =>
        {
            db.Firms.Add(firm);
            await db.SaveChangesAsync();
        });
        return firm;
    }

    public static async Task<Specialist> AddSpecialistAsync(TestApp app, Guid firmId, string employeeNumber, string fullName = "王伟",
        string latinName = "Wang Wei", string? passportNumber = null, string? nationalId = null, Action<Specialist>? adjust = null)
    {
        var protector = app.Get<FieldProtector>();
        var specialist = new Specialist
        {
            FirmId = firmId,
            EmployeeNumber = employeeNumber,
            FullName = fullName,
            LatinName = latinName,
            Gender = Gender.Male,
            DateOfBirth = new DateOnly(1985, 3, 14),
            Nationality = "China",
            NationalId = nationalId is null ? SensitiveValue.Empty : protector.Protect(nationalId),
            Position = "Process Engineer",
            Department = "Separation Plant",
            HireDate = new DateOnly(2012, 7, 1),
            UpdatedAt = app.Clock.GetUtcNow(),
        };
        if (passportNumber is not null)
        {
            specialist.Passports.Add(new Passport
            {
                SpecialistId = specialist.Id, Number = protector.Protect(passportNumber), IssuingCountry = "China",
                IssuedOn = new DateOnly(2020, 1, 1), ExpiresOn = new DateOnly(2030, 1, 1),
            });
        }
        adjust?.Invoke(specialist);
        await app.WithDbAsync(TestUsers.Admin, async db =>
        {
            db.Specialists.Add(specialist);
            await db.SaveChangesAsync();
        });
        return specialist;
    }
}
