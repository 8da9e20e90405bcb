namespace SpecialistRegistry.Domain;

/// <summary>How the domain's codes read to a person. Import files use the codes; screens use these.</summary>
public static class DisplayText
{
    public static string Of(ExpertiseArea area) => EnumText.Of(area);

    public static string Of(Degree degree) => EnumText.Of(degree);

    public static string Of(ResearchKind kind) => EnumText.Of(kind);

    public static string Of(ExpertiseLevel level) => EnumText.Of(level);

    public static string Of(CustodyStatus status) => EnumText.Of(status);

    public static string Of(EmploymentStatus status) => EnumText.Of(status);

    public static string Of(Gender gender) => EnumText.Of(gender);

    public static string Of(IndustrySegment segment) => EnumText.Of(segment);
}
