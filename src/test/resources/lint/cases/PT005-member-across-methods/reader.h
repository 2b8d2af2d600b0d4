/* PT005 positive: a class member allocated in one member function and freed in another with another tag (mirrors
   an audio sample's wave reader, whose work-item array is allocated with one literal and freed with a constant of
   another value). The second class has a member of the same name with its own tag, freed correctly. */
#pragma once
#define WORK_ITEM_TAG   'IkrW'
#define SAVE_TAG        'evaS'

typedef struct _WORKER { PVOID WorkItem; KEVENT Done; } WORKER, *PWORKER;

class CReader
{
public:
    NTSTATUS Start(PDEVICE_OBJECT Device);
    VOID Stop();
    VOID Drop() { ExFreePoolWithTag(m_Buffer, SAVE_TAG); }   // expect: PT005
private:
    static PWORKER m_pWorkItems;
    PUCHAR m_Buffer;
    ULONG m_Count;
};

class CSaver
{
public:
    NTSTATUS Start();
    VOID Stop();
private:
    static PWORKER m_pWorkItems;
};
