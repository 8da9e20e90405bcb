using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SpecialistRegistry.Tests.Web;

/// <summary>
/// The whole app with rate limits low enough to reach in a test, on a database of its own, so the shared
/// web collection (which signs in many times) keeps its generous limits.
/// </summary>
public sealed class RateLimitedWebFactory : WebApplicationFactory<Program>
{
    public const int SignInLimit = 3;
    public const int CodeLimit = 2;
    public const int ExportLimit = 2;
    public const int PublicCheckLimit = 3;

    private readonly string _folder = Directory.CreateTempSubdirectory("registry-ratelimit-").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Registry:DataFolder", _folder);
        builder.UseSetting("Registry:DefaultCulture", "en");
        builder.UseSetting("Registry:RateLimits:SignIn:PermitLimit", SignInLimit.ToString());
        builder.UseSetting("Registry:RateLimits:SignIn:WindowSeconds", "600");
        builder.UseSetting("Registry:RateLimits:TwoFactor:PermitLimit", CodeLimit.ToString());
        builder.UseSetting("Registry:RateLimits:TwoFactor:WindowSeconds", "600");
        builder.UseSetting("Registry:RateLimits:RecoveryCode:PermitLimit", CodeLimit.ToString());
        builder.UseSetting("Registry:RateLimits:RecoveryCode:WindowSeconds", "600");
        builder.UseSetting("Registry:RateLimits:Export:PermitLimit", ExportLimit.ToString());
        builder.UseSetting("Registry:RateLimits:Export:WindowSeconds", "600");
        builder.UseSetting("Registry:RateLimits:PublicReceiptCheck:PermitLimit", PublicCheckLimit.ToString());
        builder.UseSetting("Registry:RateLimits:PublicReceiptCheck:WindowSeconds", "600");
    }

    public HttpClient CreateBrowserlessClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
