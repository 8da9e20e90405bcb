namespace SpecialistRegistry.Domain;

public enum Degree
{
    Associate,
    Bachelor,
    Master,
    Doctorate,
    Postdoctoral,
}

public sealed class Education
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SpecialistId { get; set; }
    public Degree Degree { get; set; }
    public string Field { get; set; } = "";
    public string Institution { get; set; } = "";
    public string Country { get; set; } = "";
    public int GraduationYear { get; set; }
}
