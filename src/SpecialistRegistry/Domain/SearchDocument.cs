namespace SpecialistRegistry.Domain;

/// <summary>Custody as the search sees it: the current passport's status, or that there is none.</summary>
public enum SearchCustody
{
    NoPassport,
    NotHeld,
    Held,
    Released,
    Lost,
    Retired,
}

/// <summary>Whether a person has flags, and whether any is still open.</summary>
public enum SearchFlagState
{
    None,
    ResolvedOnly,
    Open,
}

/// <summary>
/// One row per specialist, derived from the specialist and their lists on every save (see SearchIndexInterceptor):
/// the facets as narrow integer columns, so counting them over a million rows scans little. Never edited by hand.
/// The integer key doubles as the rowid of the full-text index over <see cref="SearchText"/>.
/// </summary>
public sealed class SearchDocument
{
    public long DocId { get; set; }
    public Guid SpecialistId { get; set; }
    public Guid FirmId { get; set; }
    public string FirmName { get; set; } = "";
    public IndustrySegment Segment { get; set; }
    public string EmployeeNumber { get; set; } = "";
    public string FullName { get; set; } = "";
    public string LatinName { get; set; } = "";
    public string Nationality { get; set; } = "";
    public EmploymentStatus Status { get; set; }
    public DateOnly HireDate { get; set; }
    public SearchCustody Custody { get; set; }
    public DateOnly? DueBackOn { get; set; }
    public DateOnly? PassportExpiresOn { get; set; }
    public SearchFlagState FlagState { get; set; }
    /// <summary>Bit (area × 4 + level) set for each expertise the person has.</summary>
    public long ExpertiseMask { get; set; }
    /// <summary>Bit (degree) set for each degree the person holds.</summary>
    public int DegreeMask { get; set; }

    public SearchText? Text { get; set; }

    public static long ExpertiseBit(ExpertiseArea area, ExpertiseLevel level) => 1L << ((int)area * 4 + (int)level);

    public static int DegreeBit(Degree degree) => 1 << (int)degree;
}

/// <summary>The free text of one <see cref="SearchDocument"/>, kept apart so facet scans never read it.</summary>
public sealed class SearchText
{
    public long DocId { get; set; }
    public string Text { get; set; } = "";
}
