namespace SpecialistRegistry.Domain.Records;

// The list items of a specialist's record as plain values: what files carry, what records compare and freeze.
// Text is kept trimmed, so that an item compares equal however it was typed.

public sealed record ExpertiseItem(ExpertiseArea Area, ExpertiseLevel Level, int Years);

public sealed record EducationItem(Degree Degree, string Field, string Institution, string Country, int GraduationYear)
{
    public static EducationItem Of(Degree degree, string field, string institution, string country, int year) =>
        new(degree, field.Trim(), institution.Trim(), country.Trim(), year);
}

public sealed record ResearchItem(ResearchKind Kind, string Title, int Year, string Role, string Reference)
{
    public static ResearchItem Of(ResearchKind kind, string title, int year, string? role, string? reference) =>
        new(kind, title.Trim(), year, (role ?? "").Trim(), (reference ?? "").Trim());
}
