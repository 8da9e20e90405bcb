using MudBlazor.Services;
using SpecialistRegistry;
using SpecialistRegistry.Auth;
using SpecialistRegistry.Components;
using SpecialistRegistry.Data;
using SpecialistRegistry.Features;
using SpecialistRegistry.Features.Filings;
using SpecialistRegistry.Features.Roster.Export;
using SpecialistRegistry.Features.Search;
using SpecialistRegistry.Localization;
using SpecialistRegistry.Operations;
using SpecialistRegistry.Web;

// A maintenance command (`-- audit verify --Registry:DataFolder=...`) takes the app's settings around its words.
var (command, settings) = CommandLine.Split(args);
var builder = WebApplication.CreateBuilder(settings);

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
// Snackbars appear at full strength at once: a fading-in message is briefly too faint to read (and fails contrast checks).
builder.Services.AddMudServices(c => c.SnackbarConfiguration.ShowTransitionDuration = 0);
builder.Services.AddRegistryData(builder.Configuration, builder.Environment);
builder.Services.AddRegistryAuth();
builder.Services.AddRegistryFeatures();
builder.Services.AddRegistryLocalization(builder.Configuration);
builder.Services.AddRegistryOperations(builder.Configuration);
builder.Services.AddRegistryWeb();

var app = builder.Build();

// `dotnet run -- audit verify` and friends run a command against the database instead of serving.
// Otherwise the database is migrated (and, in Development, seeded) by DatabaseStartupService as the host starts.
if (command.Length > 0)
    return await CommandLine.RunAsync(app.Services, command, Console.Out);

app.UseRegistrySecurityHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseRequestLocalization();
// After localization, so a refused request's page is in the reader's language.
app.UseRateLimiter();
app.UseAntiforgery();
app.UseMustChangePassword();
app.UseTwoFactorEnrolment();

app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapAdditionalIdentityEndpoints();
app.MapRosterFiles();
app.MapSearchExport();
app.MapCultureSwitch();
app.MapFilingFiles();
app.MapRegistryHealth();

await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the test projects.</summary>
public partial class Program;
