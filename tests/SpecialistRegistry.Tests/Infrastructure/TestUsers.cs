using System.Security.Claims;
using SpecialistRegistry.Auth;

namespace SpecialistRegistry.Tests.Infrastructure;

/// <summary>Principals shaped like the ones the sign-in cookie carries.</summary>
public static class TestUsers
{
    public static ClaimsPrincipal Principal(string role, Guid? firmId = null, string? id = null, string? name = null)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, id ?? $"test-{role.ToLowerInvariant()}"),
            new(ClaimTypes.Name, $"{role.ToLowerInvariant()}@test.registry"),
            new(ClaimTypes.Role, role),
            new(RegistryClaims.DisplayName, name ?? $"Test {role}"),
        };
        if (firmId is { } firm)
            claims.Add(new Claim(RegistryClaims.FirmId, firm.ToString()));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Test"));
    }

    public static ClaimsPrincipal FirmHr(Guid firmId) => Principal(Roles.FirmHR, firmId);
    public static ClaimsPrincipal Regulator => Principal(Roles.Regulator);
    public static ClaimsPrincipal CustodyOfficer => Principal(Roles.CustodyOfficer);
    public static ClaimsPrincipal Admin => Principal(Roles.Admin);
}
