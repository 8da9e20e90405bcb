namespace SpecialistRegistry.Domain;

public enum ResearchKind
{
    Project,
    Publication,
    Patent,
    Standard,
}

public sealed class ResearchRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SpecialistId { get; set; }
    public ResearchKind Kind { get; set; }
    public string Title { get; set; } = "";
    public int Year { get; set; }
    public string Role { get; set; } = "";
    public string Reference { get; set; } = "";
}
