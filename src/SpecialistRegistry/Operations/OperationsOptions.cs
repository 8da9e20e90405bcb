namespace SpecialistRegistry.Operations;

/// <summary>The <c>Registry:ForwardedHeaders</c> settings: trusting a reverse proxy's X-Forwarded-For and -Proto.</summary>
public sealed class ForwardedHeadersSettings
{
    public const string Section = "Registry:ForwardedHeaders";

    /// <summary>Off by default: without a proxy in front, anyone could claim to be https or another address.</summary>
    public bool Enabled { get; set; }

    /// <summary>Addresses of the proxies whose headers count (for example <c>10.0.0.5</c>); loopback when none is given.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of such proxies in CIDR form (for example <c>10.0.0.0/24</c>).</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>How many proxies stand in a row in front of the app.</summary>
    public int ForwardLimit { get; set; } = 1;
}
