namespace SpecialistRegistry.Domain;

/// <summary>How the domain's codes read to a person. Import files use the codes; screens use these.</summary>
public static class DisplayText
{
    public static string Of(ExpertiseArea area) => area switch
    {
        ExpertiseArea.SolventExtraction => "Solvent extraction",
        ExpertiseArea.IonExchange => "Ion exchange",
        ExpertiseArea.RareEarthMetallurgy => "Rare-earth metallurgy",
        ExpertiseArea.NdFeBSintering => "NdFeB sintering",
        ExpertiseArea.SmCoMagnets => "SmCo magnets",
        ExpertiseArea.GrainBoundaryDiffusion => "Grain-boundary diffusion",
        ExpertiseArea.AnalyticalChemistry => "Analytical chemistry",
        ExpertiseArea.ProcessEquipment => "Process equipment",
        ExpertiseArea.MineralProcessing => "Mineral processing",
        ExpertiseArea.BondedMagnets => "Bonded magnets",
        ExpertiseArea.AlloyCasting => "Alloy casting",
        ExpertiseArea.EnvironmentalControl => "Environmental control",
        _ => area.ToString(),
    };

    public static string Of(Degree degree) => degree switch
    {
        Degree.Associate => "Associate",
        Degree.Bachelor => "Bachelor",
        Degree.Master => "Master",
        Degree.Doctorate => "Doctorate",
        Degree.Postdoctoral => "Postdoctoral",
        _ => degree.ToString(),
    };

    public static string Of(ResearchKind kind) => kind.ToString();

    public static string Of(ExpertiseLevel level) => level.ToString();

    public static string Of(CustodyStatus status) => status switch
    {
        CustodyStatus.NotHeld => "Not deposited",
        CustodyStatus.Held => "Held",
        CustodyStatus.Released => "Released",
        CustodyStatus.Lost => "Lost",
        CustodyStatus.Retired => "Retired",
        _ => status.ToString(),
    };

    public static string Of(EmploymentStatus status) => status == EmploymentStatus.Current ? "Current" : "Left";

    public static string Of(IndustrySegment segment) => segment switch
    {
        IndustrySegment.RareEarthMining => "Rare-earth mining",
        IndustrySegment.RareEarthSeparation => "Rare-earth separation",
        IndustrySegment.MetalAndAlloy => "Metal and alloy",
        IndustrySegment.PermanentMagnets => "Permanent magnets",
        _ => segment.ToString(),
    };
}
