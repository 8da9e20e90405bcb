using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;
using SpecialistRegistry.Features.Admin;
using SpecialistRegistry.Tests.Infrastructure;
using static SpecialistRegistry.Tests.Features.Admin.AdminTestData;

namespace SpecialistRegistry.Tests.Features.Admin;

public sealed class FirmAdminServiceTests
{
    private static readonly string CodeA = Code("91330200MA2G9Y3K1");
    private static readonly string CodeB = Code("91360700MA35R8L4X");

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Create_registers_the_firm_and_audits_it_in_the_admins_name(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using var scope = app.Scope(TestUsers.Admin);
        var firms = scope.ServiceProvider.GetRequiredService<FirmAdminService>();

        var input = Firm("  Ningbo Test Magnets  ", CodeA.ToLowerInvariant());
        var result = await firms.CreateAsync(input);

        Assert.True(result.Succeeded, result.Error);
        await using var db = app.OpenDb();
        var firm = await db.Firms.SingleAsync(f => f.Id == result.Value);
        Assert.Equal("Ningbo Test Magnets", firm.Name);
        Assert.Equal(CodeA, firm.CreditCode);
        Assert.Equal(IndustrySegment.PermanentMagnets, firm.Segment);
        Assert.Equal("hr@magnets.example.cn", firm.ContactEmail);
        var audit = await db.AuditEntries.SingleAsync(a => a.EntityType == nameof(Firm) && a.EntityKey == firm.Id.ToString());
        Assert.Equal("Added", audit.Action);
        Assert.Equal("test-admin", audit.ActorId);
        Assert.Equal("Test Admin", audit.ActorName);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Create_with_a_credit_code_already_registered_is_refused_on_the_field_and_writes_nothing(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await AddFirmAsync(app, "First Firm", CodeA);
        var before = await CountsAsync(app);
        await using var scope = app.Scope(TestUsers.Admin);
        var firms = scope.ServiceProvider.GetRequiredService<FirmAdminService>();

        var result = await firms.CreateAsync(Firm("Second Firm", CodeA));

        Assert.False(result.Succeeded);
        Assert.Equal(nameof(FirmInput.CreditCode), result.Field);
        Assert.Equal(FirmAdminService.DuplicateCodeMessage, result.Error);
        Assert.Equal(before, await CountsAsync(app));
    }

    [Fact]
    public async Task Create_with_a_wrong_check_character_is_refused_on_the_field_and_writes_nothing()
    {
        await using var app = await TestApp.StartAsync();
        var before = await CountsAsync(app);
        await using var scope = app.Scope(TestUsers.Admin);
        var firms = scope.ServiceProvider.GetRequiredService<FirmAdminService>();
        var wrongCheck = CodeA[..17] + (CodeA[17] == 'A' ? 'B' : 'A');

        var result = await firms.CreateAsync(Firm("Bad Code Firm", wrongCheck));

        Assert.False(result.Succeeded);
        Assert.Equal(nameof(FirmInput.CreditCode), result.Field);
        Assert.Contains("check character", result.Error);
        Assert.Equal(before, await CountsAsync(app));
    }

    [Fact]
    public async Task Create_without_a_name_is_refused_on_the_name()
    {
        await using var app = await TestApp.StartAsync();
        await using var scope = app.Scope(TestUsers.Admin);
        var firms = scope.ServiceProvider.GetRequiredService<FirmAdminService>();

        var result = await firms.CreateAsync(Firm("   ", CodeA));

        Assert.Equal(nameof(FirmInput.Name), result.Field);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task When_another_admin_registers_the_same_code_between_check_and_save_the_unique_index_refusal_becomes_a_field_message(TestProvider provider)
    {
        var rival = new RivalFirm();
        await using var app = await TestApp.StartAsync(provider, configure: services => services.AddScoped<IDbContextFactory<RegistryDb>>(sp =>
            new RacingFactory(new RegistryDbFactory(sp.GetRequiredService<Func<RegistryDb>>(), sp.GetRequiredService<CurrentUser>()), rival)));
        await using var scope = app.Scope(TestUsers.Admin);
        var firms = scope.ServiceProvider.GetRequiredService<FirmAdminService>();
        rival.Code = CodeB;
        rival.App = app;

        var result = await firms.CreateAsync(Firm("Slow Admin's Firm", CodeB));

        Assert.True(rival.Inserted);
        Assert.Equal(nameof(FirmInput.CreditCode), result.Field);
        Assert.Equal(FirmAdminService.DuplicateCodeMessage, result.Error);
        await using var db = app.OpenDb();
        Assert.Equal(["Rival Firm"], await db.Firms.Select(f => f.Name).ToListAsync());
        Assert.Null(AuditChain.FindFirstBreak(await db.AuditEntries.OrderBy(a => a.Sequence).ToListAsync()));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_stale_edit_is_refused_and_the_other_admins_change_is_kept(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var id = await AddFirmAsync(app, "Original Name", CodeA);
        await using var scope = app.Scope(TestUsers.Admin);
        var firms = scope.ServiceProvider.GetRequiredService<FirmAdminService>();
        var first = (await firms.GetForEditAsync(id))!;
        var second = (await firms.GetForEditAsync(id))!;

        var firstSave = await firms.UpdateAsync(id, first.Version, first.Input with { Name = "First Admin's Name" });
        var before = await CountsAsync(app);
        var secondSave = await firms.UpdateAsync(id, second.Version, second.Input with { Region = "Second Admin's Region" });

        Assert.True(firstSave.Succeeded, firstSave.Error);
        Assert.False(secondSave.Succeeded);
        Assert.Equal(FirmAdminService.StaleMessage, secondSave.Error);
        Assert.Null(secondSave.Field);
        Assert.Equal(before, await CountsAsync(app));
        var reloaded = (await firms.GetForEditAsync(id))!;
        Assert.Equal("First Admin's Name", reloaded.Input.Name);
        Assert.Equal("Jiangxi", reloaded.Input.Region);
        Assert.NotEqual(first.Version, reloaded.Version);
    }

    [Fact]
    public async Task An_edit_is_saved_and_audited_as_a_modification()
    {
        await using var app = await TestApp.StartAsync();
        var id = await AddFirmAsync(app, "Old Name", CodeA);
        await using var scope = app.Scope(TestUsers.Admin);
        var firms = scope.ServiceProvider.GetRequiredService<FirmAdminService>();
        var edit = (await firms.GetForEditAsync(id))!;

        var result = await firms.UpdateAsync(id, edit.Version, edit.Input with { Name = "New Name", ContactPhone = "+86 10 5555 0000" });

        Assert.True(result.Succeeded, result.Error);
        await using var db = app.OpenDb();
        Assert.Equal("New Name", (await db.Firms.SingleAsync(f => f.Id == id)).Name);
        var audit = await db.AuditEntries.OrderByDescending(a => a.Sequence).FirstAsync();
        Assert.Equal("Modified", audit.Action);
        Assert.Equal("test-admin", audit.ActorId);
        Assert.Contains("New Name", audit.Changes);
    }

    [Fact]
    public async Task An_edit_to_another_firms_credit_code_is_refused_on_the_field()
    {
        await using var app = await TestApp.StartAsync();
        await AddFirmAsync(app, "Holder", CodeA);
        var id = await AddFirmAsync(app, "Editor", CodeB);
        await using var scope = app.Scope(TestUsers.Admin);
        var firms = scope.ServiceProvider.GetRequiredService<FirmAdminService>();
        var edit = (await firms.GetForEditAsync(id))!;

        var result = await firms.UpdateAsync(id, edit.Version, edit.Input with { CreditCode = CodeA });

        Assert.Equal(nameof(FirmInput.CreditCode), result.Field);
        Assert.Equal(FirmAdminService.DuplicateCodeMessage, result.Error);
        await using var db = app.OpenDb();
        Assert.Equal(CodeB, (await db.Firms.SingleAsync(f => f.Id == id)).CreditCode);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task The_list_is_filtered_sorted_and_paged_on_the_server_and_counts_current_specialists(TestProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var magnets = await AddFirmAsync(app, "Baotou Magnets", CodeA);
        await AddFirmAsync(app, "Anhui Mining", CodeB);
        await AddFirmAsync(app, "Changting Metals", Code("91350800MA31H2P6X"));
        await using (var db = app.OpenDb())
        {
            db.Specialists.AddRange(
                new Specialist { FirmId = magnets, EmployeeNumber = "E1", FullName = "张伟", LatinName = "Zhang Wei", Nationality = "China" },
                new Specialist { FirmId = magnets, EmployeeNumber = "E2", FullName = "王芳", LatinName = "Wang Fang", Nationality = "China" },
                new Specialist { FirmId = magnets, EmployeeNumber = "E3", FullName = "李强", LatinName = "Li Qiang", Nationality = "China", Status = EmploymentStatus.Left });
            await db.SaveChangesAsync();
        }
        await using var scope = app.Scope(TestUsers.Admin);
        var firms = scope.ServiceProvider.GetRequiredService<FirmAdminService>();

        var byNameDesc = await firms.ListAsync(new FirmFilter(), new PageRequest(0, 2, nameof(FirmRow.Name), Descending: true));
        var secondPage = await firms.ListAsync(new FirmFilter(), new PageRequest(1, 2, nameof(FirmRow.Name)));
        var searched = await firms.ListAsync(new FirmFilter(Search: "MAGNET"), new PageRequest());
        var bySegment = await firms.ListAsync(new FirmFilter(Segment: IndustrySegment.RareEarthMining), new PageRequest());

        Assert.Equal(3, byNameDesc.Total);
        Assert.Equal(["Changting Metals", "Baotou Magnets"], byNameDesc.Items.Select(f => f.Name));
        Assert.Equal(["Changting Metals"], secondPage.Items.Select(f => f.Name));
        var found = Assert.Single(searched.Items);
        Assert.Equal(2, found.Specialists);
        Assert.Equal(3, bySegment.Total);
    }

    [Fact]
    public async Task Only_an_admin_may_use_the_service()
    {
        await using var app = await TestApp.StartAsync();
        await using var scope = app.Scope(TestUsers.Regulator);
        var firms = scope.ServiceProvider.GetRequiredService<FirmAdminService>();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => firms.ListAsync(new FirmFilter(), new PageRequest()));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => firms.CreateAsync(Firm("Sneaky", CodeA)));
    }

    private sealed class RivalFirm
    {
        public TestApp? App { get; set; }
        public string? Code { get; set; }
        public bool Inserted { get; set; }
    }

    /// <summary>Registers a rival firm with the same code the moment the service starts to save: a race, on demand.</summary>
    private sealed class RacingFactory(RegistryDbFactory inner, RivalFirm rival) : IDbContextFactory<RegistryDb>
    {
        public RegistryDb CreateDbContext()
        {
            var db = inner.CreateDbContext();
            db.SavingChanges += (_, _) =>
            {
                if (rival.Inserted || rival.App is null || rival.Code is null)
                    return;
                rival.Inserted = true;
                using var other = rival.App.OpenDb();
                other.Firms.Add(new Firm { Name = "Rival Firm", CreditCode = rival.Code, Region = "Fujian" });
                other.SaveChanges();
            };
            return db;
        }
    }
}
