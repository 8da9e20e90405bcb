namespace SpecialistRegistry.Domain;

public enum IndustrySegment
{
    RareEarthMining,
    RareEarthSeparation,
    MetalAndAlloy,
    PermanentMagnets,
}

public sealed class Firm
{
    public const int CreditCodeLength = 18;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Name { get; set; } = "";
    /// <summary>Unified social credit code: 18 characters, unique across firms.</summary>
    public string CreditCode { get; set; } = "";
    public IndustrySegment Segment { get; set; }
    public string Region { get; set; } = "";
    public string ContactName { get; set; } = "";
    public string ContactPhone { get; set; } = "";
    public string ContactEmail { get; set; } = "";
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<Specialist> Specialists { get; set; } = [];
}
