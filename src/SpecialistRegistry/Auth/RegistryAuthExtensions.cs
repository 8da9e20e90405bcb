using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using SpecialistRegistry.Components.Account;
using SpecialistRegistry.Data;
using SpecialistRegistry.Domain;

namespace SpecialistRegistry.Auth;

public static class RegistryAuthExtensions
{
    /// <summary>
    /// How often open circuits recheck the user and the cookie its security stamp: half the minute the README
    /// promises, so a slow check still keeps it. A disabled account is refused on its next request regardless (SessionCookie).
    /// </summary>
    public static readonly TimeSpan RevalidationInterval = TimeSpan.FromSeconds(30);

    public static IServiceCollection AddRegistryAuth(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddAccountValidators();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddScoped<CurrentUser>();
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section);
        services.AddScoped<SignInSessions>();
        services.AddScoped<Reauthentication>();
        services.AddSingleton<SessionActivity>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            // Sign-out, "sign out my other sessions" and the absolute lifetime end the session on the server.
            SessionCookie.Attach(o);
        });
        // The antiforgery cookie's default is never Secure; behind a TLS proxy it must be, like the sign-in cookie.
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = RevalidationInterval;
            o.OnRefreshingPrincipal = SessionCookie.KeepSessionClaim;
        });

        services.AddIdentityCore<ApplicationUser>(o =>
            {
                o.SignIn.RequireConfirmedAccount = false;
                o.User.RequireUniqueEmail = true;
                // Length, not composition (ASVS 6.2); common passwords and ones made of the e-mail: PasswordPolicyValidator.
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.Tokens.AuthenticatorTokenProvider = OneTimeAuthenticatorTokenProvider.ProviderName;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<RegistryDb>()
            .AddSignInManager<RegistrySignInManager>()
            .AddClaimsPrincipalFactory<RegistryClaimsFactory>()
            .AddErrorDescriber<LocalizedIdentityErrors>()
            .AddPasswordValidator<PasswordPolicyValidator>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<OneTimeAuthenticatorTokenProvider>(OneTimeAuthenticatorTokenProvider.ProviderName);
        // Replaces the store AddEntityFrameworkStores registered: second-factor secrets encrypted and hashed at rest.
        services.AddScoped<IUserStore<ApplicationUser>, TwoFactorSecretStore>();
        services.AddHostedService<TwoFactorSecretUpgrade>();

        services.AddAuthorization(o => o.AddRegistryPolicies());
        return services;
    }

    public static IApplicationBuilder UseMustChangePassword(this IApplicationBuilder app) =>
        app.UseMiddleware<MustChangePasswordMiddleware>();

    public static IApplicationBuilder UseTwoFactorEnrolment(this IApplicationBuilder app) =>
        app.UseMiddleware<TwoFactorEnrolmentMiddleware>();
}
