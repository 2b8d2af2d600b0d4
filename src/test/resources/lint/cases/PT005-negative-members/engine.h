/* PT005 negative: members are told apart by their class. Two classes keep a member of one name with tags of their
   own and free it with them; a local that shadows a member is the function's own; a member function defined in
   the class body, and a constructor with member initializers, see the members of their class. */
#pragma once
#define ENGINE_TAG  'ngnE'
#define CACHE_TAG   'hcaC'

class CEngine
{
public:
    CEngine() : m_Buffer(NULL), m_Size(0) { m_Buffer = ExAllocatePool2(POOL_FLAG_PAGED, 32, ENGINE_TAG); }
    ~CEngine() { if (m_Buffer) ExFreePoolWithTag(m_Buffer, ENGINE_TAG); }
    VOID Scratch();
private:
    PVOID m_Buffer;
    SIZE_T m_Size;
};

class CCache
{
public:
    VOID Fill();
    VOID Empty();
private:
    PVOID m_Buffer;
};
