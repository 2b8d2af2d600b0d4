#pragma once
#define QUEUE_TAG   'euQL'
#define REQUEST_TAG 'euQL'
