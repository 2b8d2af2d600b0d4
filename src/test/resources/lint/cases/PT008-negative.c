/* PT008 negative: tags reversed on purpose read well in PoolMon (mirrors a minifilter's 'Rncs' for scnR and
   a SoundWire sample's 'Ccds' for sdcC); a leading space pads a short tag correctly. */
#define SCANNER_REG_TAG 'Rncs'
#define DRIVER_TAG      'Ccds'

VOID Allocate(SIZE_T n)
{
    PVOID a = ExAllocatePool2(POOL_FLAG_NON_PAGED, n, SCANNER_REG_TAG);
    PVOID b = ExAllocatePool2(POOL_FLAG_NON_PAGED, n, DRIVER_TAG);
    PVOID c = ExAllocatePool2(POOL_FLAG_NON_PAGED, n, ' oIM');
    PVOID d = ExAllocatePool2(POOL_FLAG_NON_PAGED, n, 'gaTM' | PROTECTED_POOL);
}
