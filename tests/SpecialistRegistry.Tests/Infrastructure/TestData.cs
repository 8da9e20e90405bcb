using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Auth;
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

    /// <summary>A user account with a role (and firm), created through Identity; returns its id.</summary>
    public static async Task<string> AddUserAsync(TestApp app, string role = Roles.Regulator, Guid? firmId = null, string? email = null)
    {
        await using var scope = app.Scope(TestUsers.Admin);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        email ??= $"user-{Guid.NewGuid():N}@test.registry";
        var user = new ApplicationUser { UserName = email, Email = email, DisplayName = email, FirmId = firmId };
        var created = await users.CreateAsync(user, "Long-Enough-Password-1");
        if (created.Succeeded)
            created = await users.AddToRoleAsync(user, role);
        if (!created.Succeeded)
            throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        return user.Id;
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
