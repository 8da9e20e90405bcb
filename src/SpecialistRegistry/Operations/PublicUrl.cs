using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using SpecialistRegistry.Data;

namespace SpecialistRegistry.Operations;

/// <summary>
/// The address the public reaches the portal at, for every absolute link the app hands out (the receipts' QR
/// codes). <c>Registry:PublicBaseUrl</c> when set — behind a proxy the app's own address is an internal one —
/// and otherwise the address the request came in on.
/// </summary>
public sealed class PublicUrl(IOptions<RegistryOptions> options)
{
    /// <summary>The base address with a trailing slash, like <see cref="NavigationManager.BaseUri"/>.</summary>
    public string BaseUri(NavigationManager navigation) =>
        options.Value.PublicBaseUrl is { Length: > 0 } configured ? configured.TrimEnd('/') + "/" : navigation.BaseUri;
}
